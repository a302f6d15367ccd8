/** A door into Avatica's package-private result conversion; nothing else of Junction lives here. */
package org.apache.calcite.avatica.jdbc;

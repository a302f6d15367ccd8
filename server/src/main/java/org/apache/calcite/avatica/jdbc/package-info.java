/** A door into Avatica's package-private result conversion and statement cache; nothing else of Junction lives here. */
package org.apache.calcite.avatica.jdbc;

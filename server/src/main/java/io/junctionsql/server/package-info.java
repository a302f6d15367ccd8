/** The junction command line and, later, the Avatica remote server. */
package io.junctionsql.server;

/** The {@code junction} command: demo, sql, catalog, passwd. */
package io.junctionsql.server.cli;

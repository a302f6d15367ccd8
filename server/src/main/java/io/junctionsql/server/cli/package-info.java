/** The {@code junction} command: demo, sql, catalog. */
package io.junctionsql.server.cli;

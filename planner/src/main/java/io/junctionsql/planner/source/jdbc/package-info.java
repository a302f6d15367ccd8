/** The generic JDBC source: any database with a JDBC driver, one planner convention per source, with statistics. */
package io.junctionsql.planner.source.jdbc;

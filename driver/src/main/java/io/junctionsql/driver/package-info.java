/** The embedded JDBC driver for {@code jdbc:junction:} URLs, over the planner's gateway. */
package io.junctionsql.driver;

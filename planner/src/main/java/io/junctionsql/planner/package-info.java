/** The Junction engine: a gateway built from a config file, planned and run with Apache Calcite. */
package io.junctionsql.planner;

/** Databricks SQL warehouses (and Apache Spark thrift servers): the lake's heavy work pushed to the warehouse. */
package io.junctionsql.planner.source.databricks;

/**
 * SQL dialects Calcite lacks or gets wrong, chosen from JDBC metadata: SAP HANA (and Datasphere, which is
 * HANA underneath), and Databricks SQL / Apache Spark SQL.
 */
package io.junctionsql.planner.dialect;

/** SQL dialects Calcite lacks: SAP HANA (and Datasphere, which is HANA underneath), chosen from JDBC metadata. */
package io.junctionsql.planner.dialect;

/** SAP Datasphere over SAP's HANA JDBC driver: the space's exposed views, found through HANA's system views. */
package io.junctionsql.planner.source.datasphere;

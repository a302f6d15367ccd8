package io.junctionsql.planner.source.jdbc;

import org.apache.calcite.sql.SqlDialect;

/**
 * What a source's database says about itself.
 *
 * @param productName the product, as JDBC reports it
 * @param productVersion its version
 * @param dialect the SQL dialect Junction writes for it
 * @param catalogsAsSchemas true for databases such as MySQL whose "databases" are JDBC catalogs
 * @param description how {@code junction catalog} names the system (for Datasphere: Datasphere or plain HANA)
 */
public record SourceInfo(String productName, String productVersion, SqlDialect dialect, boolean catalogsAsSchemas,
    String description) {
}

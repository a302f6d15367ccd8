package io.junctionsql.driver;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL over Junction's {@code junction} schema that answers each {@code DatabaseMetaData} call.
 * JDBC's catalog is the source, its schema the source's schema. Patterns use {@code \} as escape;
 * a catalog given as {@code %} is read as a pattern, as BI tools pass it.
 */
final class CatalogQueries {
  private CatalogQueries() {
  }

  static String catalogs() {
    return "SELECT TABLE_CAT FROM junction.catalogs ORDER BY TABLE_CAT";
  }

  static String schemas(String catalog, String schemaPattern) {
    return "SELECT TABLE_SCHEM, TABLE_CATALOG FROM junction.schemas"
        + where(name("TABLE_CATALOG", catalog), pattern("TABLE_SCHEM", schemaPattern))
        + " ORDER BY TABLE_CATALOG, TABLE_SCHEM";
  }

  static String tables(String catalog, String schemaPattern, String tablePattern, String[] types) {
    String typeFilter = null;
    if (types != null) {
      List<String> quoted = new ArrayList<>();
      for (String t : types) {
        quoted.add(literal(t));
      }
      typeFilter = quoted.isEmpty() ? "FALSE" : "TABLE_TYPE IN (" + String.join(", ", quoted) + ")";
    }
    return "SELECT * FROM junction.tables"
        + where(name("TABLE_CAT", catalog), pattern("TABLE_SCHEM", schemaPattern),
            pattern("TABLE_NAME", tablePattern), typeFilter)
        + " ORDER BY TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME";
  }

  static String columns(String catalog, String schemaPattern, String tablePattern, String columnPattern) {
    return "SELECT * FROM junction.columns"
        + where(name("TABLE_CAT", catalog), pattern("TABLE_SCHEM", schemaPattern),
            pattern("TABLE_NAME", tablePattern), pattern("COLUMN_NAME", columnPattern))
        + " ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION";
  }

  static String primaryKeys(String catalog, String schema, String table) {
    return "SELECT * FROM junction.primary_keys"
        + where(name("TABLE_CAT", catalog), name("TABLE_SCHEM", schema), name("TABLE_NAME", table))
        + " ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, KEY_SEQ";
  }

  static String importedKeys(String catalog, String schema, String table) {
    return "SELECT PKTABLE_CAT, PKTABLE_SCHEM, PKTABLE_NAME, PKCOLUMN_NAME, FKTABLE_CAT, FKTABLE_SCHEM,"
        + " FKTABLE_NAME, FKCOLUMN_NAME, KEY_SEQ, UPDATE_RULE, DELETE_RULE, FK_NAME, PK_NAME, DEFERRABILITY"
        + " FROM junction.imported_keys"
        + where(name("FKTABLE_CAT", catalog), name("FKTABLE_SCHEM", schema), name("FKTABLE_NAME", table))
        + " ORDER BY PKTABLE_CAT, PKTABLE_SCHEM, PKTABLE_NAME, KEY_SEQ";
  }

  static String exportedKeys(String catalog, String schema, String table) {
    return "SELECT PKTABLE_CAT, PKTABLE_SCHEM, PKTABLE_NAME, PKCOLUMN_NAME, FKTABLE_CAT, FKTABLE_SCHEM,"
        + " FKTABLE_NAME, FKCOLUMN_NAME, KEY_SEQ, UPDATE_RULE, DELETE_RULE, FK_NAME, PK_NAME, DEFERRABILITY"
        + " FROM junction.imported_keys"
        + where(name("PKTABLE_CAT", catalog), name("PKTABLE_SCHEM", schema), name("PKTABLE_NAME", table))
        + " ORDER BY FKTABLE_CAT, FKTABLE_SCHEM, FKTABLE_NAME, KEY_SEQ";
  }

  /** An exact name; null means any; {@code %} (as tools send it) is taken as a pattern. */
  private static String name(String column, String value) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty()) {
      return column + " IS NULL";
    }
    return value.contains("%") ? pattern(column, value) : column + " = " + literal(value);
  }

  private static String pattern(String column, String value) {
    if (value == null || value.equals("%")) {
      return null;
    }
    return column + " LIKE " + literal(value) + " ESCAPE '\\'";
  }

  private static String where(String... conditions) {
    List<String> present = new ArrayList<>();
    for (String c : conditions) {
      if (c != null) {
        present.add(c);
      }
    }
    return present.isEmpty() ? "" : " WHERE " + String.join(" AND ", present);
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}

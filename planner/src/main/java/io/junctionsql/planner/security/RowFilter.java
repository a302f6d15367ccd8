package io.junctionsql.planner.security;

import io.junctionsql.planner.config.ConfigException;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * A policy's condition on the rows of the tables {@code table} matches, parsed when the config is read.
 * Its column names are resolved only when a query first uses such a table, because the config is read
 * without contacting any source.
 *
 * @param policy the rule's name, for messages
 * @param path the config key path of the condition, for messages
 * @param table the tables it applies to
 * @param text the condition as written
 * @param condition the parsed condition
 */
public record RowFilter(String policy, String path, NamePattern table, String text, SqlNode condition) {
  private static final SqlParser.Config PARSER = SqlParser.config()
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withQuotedCasing(Casing.UNCHANGED)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false);

  static RowFilter parse(String policy, String path, NamePattern table, String text) {
    SqlNode condition;
    try {
      condition = SqlParser.create(text, PARSER).parseExpression();
    } catch (SqlParseException e) {
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new ConfigException(path + ": the row filter does not parse: " + first + " Write a SQL condition over "
          + "the table's columns, for example \"o_orderpriority = '1-URGENT' OR o_custkey = 7\".", e);
    }
    RowFilterGrammar.unsupported(condition).ifPresent(what -> {
      throw new ConfigException(path + ": the row filter uses " + what + ", which row filters do not offer. "
          + RowFilterGrammar.OFFERED);
    });
    return new RowFilter(policy, path, table, text, condition);
  }
}

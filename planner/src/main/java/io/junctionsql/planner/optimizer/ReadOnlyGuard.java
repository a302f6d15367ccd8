package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;

import org.apache.calcite.sql.SqlKind;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses writes and DDL with a message that says why: Junction reads sources and never changes them.
 * Checked on the statement's first word as well as its parsed kind, because Calcite's parser cannot
 * parse most DDL and would otherwise answer with a puzzling syntax error.
 */
final class ReadOnlyGuard {
  private static final Set<String> WRITING_WORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT",
      "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "COMMENT", "RENAME", "REPLACE", "CALL");
  private static final Pattern LEADING = Pattern.compile(
      "\\A(?:\\s+|--[^\\n]*\\n?|/\\*.*?\\*/|\\()*([A-Za-z]+)", Pattern.DOTALL);

  private ReadOnlyGuard() {
  }

  static void checkText(String sql) {
    Matcher m = LEADING.matcher(sql);
    if (m.find()) {
      String word = m.group(1).toUpperCase(Locale.ROOT);
      if (WRITING_WORDS.contains(word)) {
        throw refused(word);
      }
    }
  }

  static void checkKind(SqlKind kind) {
    if (kind.belongsTo(SqlKind.DML) || kind.belongsTo(SqlKind.DDL)) {
      throw refused(kind.sql);
    }
  }

  private static JunctionException refused(String what) {
    return new JunctionException(SqlStates.READ_ONLY, "Junction is read-only: " + what
        + " statements are refused. Junction reads its sources and never changes them; "
        + "write to the source system directly.");
  }
}

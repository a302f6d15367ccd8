package io.junctionsql.planner.dialect;

/**
 * String literals as Spark reads them. Spark's lexer takes a backslash as an escape character and
 * reads {@code 'O''Brien'} as two adjacent literals, {@code 'O'} and {@code 'Brien'}, which it
 * concatenates: the standard doubled quote would silently lose the quote. So a quote is written
 * {@code \'} and a backslash {@code \\}.
 *
 * <p>Line breaks and tabs would be read as they are, but are written {@code \n}, {@code \r} and
 * {@code \t} so that the generated SQL stays on one line in logs and in drivers that rewrite it.
 * Other control characters are written {@code \}{@code u00XX}, the escape Spark reads most plainly:
 * {@code \0} followed by digits would be read as an octal escape. Everything else, unicode included,
 * is written as it is: Spark keeps {@code %} and {@code _} after a backslash, so no other character
 * may be escaped.
 *
 * <p>This assumes Spark's default {@code spark.sql.parser.escapedStringLiterals=false}, which
 * Databricks keeps.
 */
final class DatabricksStringLiterals {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private DatabricksStringLiterals() {
  }

  static void quote(StringBuilder buf, String value) {
    buf.append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
      case '\'':
        buf.append("\\'");
        break;
      case '\\':
        buf.append("\\\\");
        break;
      case '\n':
        buf.append("\\n");
        break;
      case '\r':
        buf.append("\\r");
        break;
      case '\t':
        buf.append("\\t");
        break;
      default:
        if (c < ' ') {
          buf.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        } else {
          buf.append(c);
        }
      }
    }
    buf.append('\'');
  }
}

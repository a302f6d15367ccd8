package io.junctionsql.planner.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The escaping rules for Spark string literals, one character at a time. */
class DatabricksStringLiteralsTest {
  private static String quoted(String value) {
    return DatabricksSqlDialect.DEFAULT.quoteStringLiteral(value);
  }

  @Test void aQuoteIsEscapedWithABackslashNeverDoubled() {
    assertThat(quoted("O'Brien")).isEqualTo("'O\\'Brien'");
    assertThat(quoted("''")).isEqualTo("'\\'\\''");
  }

  @Test void aBackslashIsDoubled() {
    assertThat(quoted("a\\b")).isEqualTo("'a\\\\b'");
    assertThat(quoted("\\'")).isEqualTo("'\\\\\\''");
  }

  @Test void lineBreaksAndTabsAreWrittenAsEscapes() {
    assertThat(quoted("a\nb\rc\td")).isEqualTo("'a\\nb\\rc\\td'");
  }

  @Test void otherControlCharactersAreWrittenAsUnicodeEscapes() {
    // Not \0: followed by digits, Spark would read an octal escape.
    assertThat(quoted("\u000012")).isEqualTo("'\\u000012'");
    assertThat(quoted("\u001f\u0008")).isEqualTo("'\\u001f\\u0008'");
  }

  @Test void percentUnderscoreAndUnicodeAreWrittenAsTheyAre() {
    assertThat(quoted("100% _x_ ä 東京 😀 \u007f")).isEqualTo("'100% _x_ ä 東京 😀 \u007f'");
  }

  @Test void noCharacterSetIntroducerIsWritten() {
    StringBuilder buf = new StringBuilder();
    DatabricksSqlDialect.DEFAULT.quoteStringLiteral(buf, "UTF-8", "x");
    assertThat(buf).hasToString("'x'");
  }
}

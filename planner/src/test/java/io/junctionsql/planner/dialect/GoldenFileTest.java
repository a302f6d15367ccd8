package io.junctionsql.planner.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenFileTest {
  @Test void readsCasesAcrossLinesAndSkipsComments() {
    var cases = GoldenFile.parse("# about\n\n=== one\nSELECT a\nFROM t\n--- hana\nSELECT \"a\"\n# note\nFROM \"t\"\n"
        + "=== two\nVALUES 1\n--- hana\nSELECT 1 FROM \"SYS\".\"DUMMY\"\n", "hana");
    assertThat(cases).extracting(GoldenFile.Case::title).containsExactly("one", "two");
    assertThat(cases.get(0).query()).isEqualTo("SELECT a\nFROM t");
    assertThat(cases.get(0).expected()).isEqualTo("SELECT \"a\"\nFROM \"t\"");
    assertThat(cases.get(0).line()).isEqualTo(3);
    assertThat(cases.get(1).line()).isEqualTo(10);
  }

  @Test void aCaseWithoutExpectedSqlIsAnError() {
    assertThatThrownBy(() -> GoldenFile.parse("=== lonely\nSELECT 1\n=== next\nSELECT 2\n--- hana\nSELECT 2\n", "hana"))
        .hasMessageContaining("lonely");
  }

  @Test void textBeforeTheFirstTitleIsAnError() {
    assertThatThrownBy(() -> GoldenFile.parse("SELECT 1\n=== a\nSELECT 1\n--- hana\nSELECT 1\n", "hana"))
        .hasMessageContaining("line 1");
  }

  @Test void theExpectedSqlIsMarkedWithTheDialectAsked() {
    var cases = GoldenFile.parse("=== one\nSELECT 1\n--- databricks\nSELECT 1\n", "databricks");
    assertThat(cases).extracting(GoldenFile.Case::expected).containsExactly("SELECT 1");
    // Another dialect's marker is no marker: the case then has no expected SQL.
    assertThatThrownBy(() -> GoldenFile.parse("=== one\nSELECT 1\n--- hana\nSELECT 1\n", "databricks"))
        .hasMessageContaining("--- databricks");
  }

  @Test void aCaseThatComesOutOtherwiseFailsWithItsTitleAndLine() {
    var c = GoldenFile.parse("=== one\nSELECT 1\n--- hana\nSELECT 1\n", "hana").get(0);
    GoldenFile.check("x.golden", c, q -> "SELECT  1");
    assertThatThrownBy(() -> GoldenFile.check("x.golden", c, q -> "SELECT 2"))
        .hasMessageContaining("'one'").hasMessageContaining("x.golden line 1").hasMessageContaining("SELECT 2");
  }

  @Test void onlyWhitespaceRunsAreLoosened() {
    assertThat(GoldenFile.normalize("  SELECT a,\n\t  b  ")).isEqualTo("SELECT a, b");
    assertThat(GoldenFile.normalize("'x''y'")).isEqualTo("'x''y'");
  }
}

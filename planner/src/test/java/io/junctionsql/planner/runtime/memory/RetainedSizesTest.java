package io.junctionsql.planner.runtime.memory;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetainedSizesTest {
  @Test void stringsGrowWithTheirLength() {
    assertThat(RetainedSizes.of("")).isEqualTo(40);
    assertThat(RetainedSizes.of("x".repeat(1000))).isEqualTo(1040);
  }

  @Test void bigDecimalsBeyondALongCountTheirDigits() {
    assertThat(RetainedSizes.of(new BigDecimal("12345.67"))).isEqualTo(40);
    assertThat(RetainedSizes.of(new BigDecimal("1" + "0".repeat(37) + ".5")))
        .isGreaterThan(RetainedSizes.of(new BigDecimal("12345.67")));
  }

  @Test void arraysAndListsCountTheirSlotsAndElements() {
    assertThat(RetainedSizes.of(new Object[] {1, "ab", null})).isEqualTo(16 + 3 * 4 + 16 + 42);
    assertThat(RetainedSizes.of(List.of("ab", List.of(1, 2)))).isEqualTo(40 + 2 * 4 + 42 + (40 + 2 * 4 + 2 * 16));
  }

  @Test void rowClassesCountTheirFields() {
    assertThat(RetainedSizes.ofRow(new Row(7, "abc"))).isEqualTo(16 + 8 + 4 + 43);
  }

  /** The shape of Calcite's generated row classes: public fields. */
  public static final class Row {
    public final int id;
    public final String name;

    Row(int id, String name) {
      this.id = id;
      this.name = name;
    }
  }
}

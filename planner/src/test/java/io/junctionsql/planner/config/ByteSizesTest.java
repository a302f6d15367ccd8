package io.junctionsql.planner.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSizesTest {
  @Test void readsUnitsAsPowersOf1024() {
    assertThat(ByteSizes.parse("512MiB")).hasValue(512L << 20);
    assertThat(ByteSizes.parse("2GiB")).hasValue(2L << 30);
    assertThat(ByteSizes.parse("1g")).hasValue(1L << 30);
    assertThat(ByteSizes.parse("1 GB")).hasValue(1L << 30);
    assertThat(ByteSizes.parse("64k")).hasValue(64L << 10);
    assertThat(ByteSizes.parse("1TiB")).hasValue(1L << 40);
    assertThat(ByteSizes.parse("4096")).hasValue(4096);
  }

  @Test void refusesWhatIsNoSize() {
    assertThat(ByteSizes.parse("lots")).isEmpty();
    assertThat(ByteSizes.parse("-1g")).isEmpty();
    assertThat(ByteSizes.parse("1.5g")).isEmpty();
    assertThat(ByteSizes.parse("99999999999999999999")).isEmpty();
    assertThat(ByteSizes.parse("9999999999999t")).isEmpty();
  }

  @Test void formatsForMessages() {
    assertThat(ByteSizes.format(256L << 20)).isEqualTo("256 MiB");
    assertThat(ByteSizes.format(3L << 29)).isEqualTo("1.5 GiB");
    assertThat(ByteSizes.format(900)).isEqualTo("900 bytes");
  }
}

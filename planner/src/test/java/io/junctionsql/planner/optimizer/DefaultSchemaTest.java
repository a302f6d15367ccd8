package io.junctionsql.planner.optimizer;

import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultSchemaTest {
  private final CalciteSchema root = CalciteSchema.createRootSchema(false);

  @Test void sourceDotSchemaBecomesATwoPartPath() {
    root.add("pg", new AbstractSchema());
    assertThat(DefaultSchema.path(root, List.of("pg.public"))).containsExactly("pg", "public");
  }

  @Test void onlyTheFirstDotSplitsForDottedDeltaSchemas() {
    assertThat(DefaultSchema.path(root, List.of("lake.a.b"))).containsExactly("lake", "a.b");
  }

  @Test void aTopLevelSchemaOfThatExactNameWins() {
    root.add("odd.name", new AbstractSchema());
    assertThat(DefaultSchema.path(root, List.of("ODD.NAME"))).containsExactly("ODD.NAME");
  }

  @Test void plainNamesAndEmptyPathsStayAsGiven() {
    assertThat(DefaultSchema.path(root, List.of("pg"))).containsExactly("pg");
    assertThat(DefaultSchema.path(root, List.of())).isEmpty();
    assertThat(DefaultSchema.path(root, List.of(".x"))).containsExactly(".x");
    assertThat(DefaultSchema.path(root, List.of("x."))).containsExactly("x.");
  }
}

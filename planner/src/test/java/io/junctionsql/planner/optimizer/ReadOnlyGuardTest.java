package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.JunctionException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadOnlyGuardTest {
  @ParameterizedTest
  @ValueSource(strings = {"insert into t values (1)", "  UPDATE t SET a = 1", "-- note\nDELETE FROM t",
      "/* x */ create table t (a int)", "(DROP TABLE t)", "truncate t", "GRANT SELECT ON t TO u", "merge into t"})
  void refusesWrites(String sql) {
    assertThatThrownBy(() -> ReadOnlyGuard.checkText(sql)).isInstanceOf(JunctionException.class)
        .hasMessageContaining("read-only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM t", "with x as (select 1) select * from x", "VALUES (1)",
      "EXPLAIN PLAN FOR SELECT 1", "select 'insert' from t", "(SELECT 1)"})
  void allowsReads(String sql) {
    assertThatCode(() -> ReadOnlyGuard.checkText(sql)).doesNotThrowAnyException();
  }
}

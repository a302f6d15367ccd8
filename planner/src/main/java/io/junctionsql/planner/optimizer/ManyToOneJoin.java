package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.source.jdbc.SourceConvention;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.HashSet;
import java.util.Set;

/**
 * Recognises an inner equi-join between sources whose one side is unique on its join columns (a primary
 * key, a key from the semantics) and whose other, many side lies wholly in one JDBC source. Aggregating
 * the many side by its join columns before such a join changes no answer, and lets that source run the
 * {@code GROUP BY}: it then sends one row per key instead of all its rows.
 */
final class ManyToOneJoin {
  /** Stands for any scan Junction runs itself (a Delta table, an in-memory table): no JDBC source's name. */
  static final String NOT_JDBC = "";

  private ManyToOneJoin() {
  }

  static boolean test(Join join) {
    JoinInfo info = join.analyzeCondition();
    if (join.getJoinType() != JoinRelType.INNER || info.leftKeys.isEmpty() || !info.isEqui()) {
      return false;
    }
    RelMetadataQuery mq = join.getCluster().getMetadataQuery();
    boolean leftUnique = unique(mq, join.getLeft(), ImmutableBitSet.of(info.leftKeys));
    boolean rightUnique = unique(mq, join.getRight(), ImmutableBitSet.of(info.rightKeys));
    if (leftUnique == rightUnique) {
      return false;
    }
    RelNode many = leftUnique ? join.getRight() : join.getLeft();
    RelNode one = leftUnique ? join.getLeft() : join.getRight();
    Set<String> manySources = jdbcSources(many);
    // The many side must be one JDBC source, and the join must not be one that source could run whole.
    return oneJdbcSource(manySources) && !jdbcSources(one).equals(manySources);
  }

  private static boolean unique(RelMetadataQuery mq, RelNode rel, ImmutableBitSet columns) {
    return Boolean.TRUE.equals(mq.areColumnsUnique(rel, columns));
  }

  /** Whether these are the sources of a plan one JDBC source can run whole. */
  static boolean oneJdbcSource(Set<String> sources) {
    return sources.size() == 1 && !sources.contains(NOT_JDBC);
  }

  /** The JDBC sources the scans below {@code rel} read; any other scan counts as {@link #NOT_JDBC}. */
  static Set<String> jdbcSources(RelNode rel) {
    Set<String> sources = new HashSet<>();
    collect(rel.stripped(), sources);
    return sources;
  }

  private static void collect(RelNode rel, Set<String> sources) {
    if (rel instanceof TableScan) {
      sources.add(rel.getConvention() instanceof SourceConvention
          ? ((SourceConvention) rel.getConvention()).sourceName() : NOT_JDBC);
      return;
    }
    for (RelNode input : rel.getInputs()) {
      collect(input.stripped(), sources);
    }
  }
}

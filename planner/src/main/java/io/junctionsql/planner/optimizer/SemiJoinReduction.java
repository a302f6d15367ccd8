package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.config.OptimizerConfig;
import io.junctionsql.planner.source.PlanSessions;
import io.junctionsql.planner.source.SourceSession;
import io.junctionsql.planner.source.delta.DeltaScan;
import io.junctionsql.planner.source.jdbc.SourceConvention;
import io.junctionsql.planner.source.jdbc.SourceEstimates;

import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Semi-join reduction for joins between sources, run on the physical plan: where Junction hash-joins a
 * JDBC source's rows or a Delta scan with a side that is small by estimate, the small side is read first
 * and its distinct join keys are bound into the JDBC source's SQL, or their range into the Delta scan's
 * Kernel predicate ({@link KeyReducedJoin}). Applied when the estimated
 * rows moved from the source, plus a charge per statement, fall below reading it in full.
 *
 * <p>Calcite's batch nested-loop join (CALCITE-5409) is not used: it makes a correlation variable per key
 * slot (a thousand keys is a thousand variables in the generated code), sends the small side's rows
 * rather than its distinct keys, joins each batch by nested loop, and has no way back to a full read when
 * the small side turns out large.
 */
public final class SemiJoinReduction implements Program {
  /**
   * A side estimated at no more than this share of the other is read first and its keys counted even when the
   * estimate says they are too many to send: estimates of filtered and grouped rows are guesses.
   */
  static final double SMALL_SIDE_RATIO = 4;
  /** The fewest keys a statement binds, so that a low estimate does not split a join into many statements. */
  static final int MIN_BATCH = 16;
  private static final Set<SqlTypeName> KEY_TYPES = EnumSet.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT,
      SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.DECIMAL, SqlTypeName.CHAR, SqlTypeName.VARCHAR);

  @Override public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    SourceSession session = PlanSessions.of(rel).orElse(null);
    OptimizerConfig settings = session == null ? OptimizerConfig.DEFAULTS : session.optimizer();
    if (!settings.crossSource()) {
      return rel;
    }
    return rel.accept(new RelShuttleImpl() {
      @Override public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        return visited instanceof EnumerableHashJoin ? reduce((EnumerableHashJoin) visited, settings, session)
            : visited;
      }
    });
  }

  /** The connection's settings, from the session any of the plan's tables was looked up in. */
  static Optional<OptimizerConfig> settings(RelNode rel) {
    return PlanSessions.of(rel).map(SourceSession::optimizer);
  }

  private static RelNode reduce(EnumerableHashJoin join, OptimizerConfig settings, SourceSession session) {
    JoinInfo info = join.analyzeCondition();
    if (info.leftKeys.isEmpty()) {
      return join;
    }
    RelMetadataQuery mq = join.getCluster().getMetadataQuery();
    // Each input is the small side of one candidate and the large side of the other: estimated once.
    Map<RelNode, Estimate> estimates = new IdentityHashMap<>();
    Function<RelNode, Estimate> estimate = side -> estimates.computeIfAbsent(side,
        s -> estimate(s, settings, session, mq));
    Plan best = null;
    for (int large = 0; large < 2; large++) {
      Plan candidate = plan(join, info, large, settings, estimate);
      if (candidate != null && (best == null || candidate.saving > best.saving)) {
        best = candidate;
      }
    }
    return best == null ? join : best.build(join, settings);
  }

  /** Whether the rows of input {@code large} may be limited to the other input's keys without changing the result. */
  private static boolean mayReduce(EnumerableHashJoin join, int large) {
    switch (join.getJoinType()) {
    case INNER:
    case SEMI:
      // A semi-join keeps only left rows with a match, so either side may be limited to the other's keys.
      return true;
    case LEFT:
    case ANTI:
      return large == 1;
    case RIGHT:
      return large == 0;
    default:
      return false;
    }
  }

  private static Plan plan(EnumerableHashJoin join, JoinInfo info, int large, OptimizerConfig settings,
      Function<RelNode, Estimate> estimate) {
    RelMetadataQuery mq = join.getCluster().getMetadataQuery();
    RelNode largeSide = join.getInput(large);
    boolean jdbc = largeSide instanceof JdbcToEnumerableConverter
        && largeSide.getInput(0).getConvention() instanceof SourceConvention;
    if (!mayReduce(join, large) || !(jdbc || DeltaKeys.scanBelow(largeSide) != null)) {
      return null;
    }
    RelNode small = join.getInput(1 - large);
    for (int pair = 0; pair < info.leftKeys.size(); pair++) {
      int smallKey = large == 1 ? info.leftKeys.get(pair) : info.rightKeys.get(pair);
      int largeKey = large == 1 ? info.rightKeys.get(pair) : info.leftKeys.get(pair);
      RelDataType smallType = small.getRowType().getFieldList().get(smallKey).getType();
      RelDataType largeType = largeSide.getRowType().getFieldList().get(largeKey).getType();
      if (!KEY_TYPES.contains(smallType.getSqlTypeName())
          || smallType.getSqlTypeName() != largeType.getSqlTypeName()) {
        continue;
      }
      Estimate smallEstimate = estimate.apply(small);
      double smallRows = Double.isNaN(smallEstimate.rows()) ? Double.MAX_VALUE : smallEstimate.rows();
      double keys = Math.min(smallRows,
          orElse(mq.getDistinctRowCount(small, ImmutableBitSet.of(smallKey), null), smallRows));
      Estimate largeEstimate = estimate.apply(largeSide);
      double largeRows = Double.isNaN(largeEstimate.rows()) ? 0 : largeEstimate.rows();
      if (!jdbc && DeltaKeys.column(largeSide, largeKey) < 0) {
        continue;
      }
      double largeKeys = Math.max(1, Math.min(largeRows, orElse(mq.getDistinctRowCount(
          jdbc ? largeSide.getInput(0) : largeSide, ImmutableBitSet.of(largeKey), null), largeRows)));
      // A Delta scan takes all keys at once: one scan, whose Kernel predicate gets their range.
      SourceConvention convention = jdbc ? (SourceConvention) largeSide.getInput(0).getConvention() : null;
      int batch = jdbc ? batchSize(settings, convention, Math.min(keys, settings.semiJoinMaxKeys()))
          : settings.semiJoinMaxKeys();
      double perStatement = jdbc ? KeyBatchLimits.statementRows(convention.dialect) : KeyBatchLimits.STATEMENT_ROWS;
      Cost cost = new Cost(largeRows, largeKeys, batch, perStatement);
      int limit = (int) Math.min(settings.semiJoinMaxKeys(), cost.breakEvenKeys(settings.semiJoinMaxKeys()));
      if (limit < 1) {
        return null;
      }
      if (keys <= limit) {
        return new Plan(large, smallKey, largeKey, batch, limit, largeRows - cost.reduced(keys));
      }
      // More keys than pay by estimate. Where the large side is a JDBC statement and the estimate leaves room
      // for doubt (the small side a fraction of the large one), read the small side first anyway and decide
      // by the keys it turns out to have: Calcite guesses a LIKE or a HAVING at a quarter of the rows, and a
      // side estimated at 50,000 keys often has a few hundred. Ranked below every plan chosen by estimate.
      if (jdbc && smallRows * SMALL_SIDE_RATIO <= largeRows && smallEstimate.guess()) {
        return new Plan(large, smallKey, largeKey, batch, limit, 0);
      }
      return null;
    }
    return null;
  }

  /**
   * The rows a join input is expected to give, and whether that is a guess. Where it is one JDBC statement whose
   * count Calcite guesses (it filters, groups or joins), the source's own planner is asked instead, if it has
   * one Junction reads ({@link SourceEstimates}): a fixed share for a {@code LIKE} or an {@code OR} of brands
   * is often off by a factor of a hundred, and which side is read first follows from it.
   */
  static Estimate estimate(RelNode side, OptimizerConfig settings, SourceSession session, RelMetadataQuery mq) {
    boolean guess = guessed(side);
    if (guess && settings.sourceEstimates() && session != null && side instanceof JdbcToEnumerableConverter
        && side.getInput(0).getConvention() instanceof SourceConvention) {
      RelNode statement = side.getInput(0);
      SourceConvention convention = (SourceConvention) statement.getConvention();
      OptionalDouble own = convention.estimates().rows(convention.sql(statement), session);
      if (own.isPresent()) {
        return new Estimate(own.getAsDouble(), false);
      }
    }
    return new Estimate(orElse(mq.getRowCount(side), Double.NaN), guess);
  }

  /**
   * A join input's expected rows (NaN if unknown); {@code guess} when they come from Calcite's fixed shares, not
   * from a source.
   */
  record Estimate(double rows, boolean guess) {
  }

  /**
   * Whether the side's row estimate rests on a guess: it filters, groups or joins. A plain read of a table
   * has the count the source reported, and a reduction that will certainly overflow is not worth the wait.
   */
  static boolean guessed(RelNode side) {
    RelNode rel = side.stripped();
    if (rel instanceof Filter || rel instanceof Aggregate || rel instanceof Join) {
      return true;
    }
    for (RelNode input : rel.getInputs()) {
      if (guessed(input)) {
        return true;
      }
    }
    return false;
  }

  /** The cost of a reduced read of the large side, in rows moved plus a charge per statement. */
  record Cost(double largeRows, double largeKeys, int batch, double perStatement) {
    double reduced(double keys) {
      return largeRows * Math.min(1, keys / largeKeys) + Math.ceil(Math.max(1, keys) / batch) * perStatement;
    }

    /**
     * The most keys for which the reduced read still moves less than a full one (0 if none), at most {@code cap}:
     * {@link #reduced} grows with the keys, so a binary search finds where it reaches a full read.
     */
    long breakEvenKeys(long cap) {
      long low = 0;
      long high = cap;
      while (low < high) {
        long mid = (low + high + 1) >>> 1;
        if (reduced(mid) < largeRows) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      return low;
    }
  }

  /** Keys per statement: the configured number, capped by the dialect and by twice the estimated keys. */
  static int batchSize(OptimizerConfig settings, SourceConvention convention, double estimatedKeys) {
    long byEstimate = Math.max(MIN_BATCH, Long.highestOneBit((long) Math.ceil(estimatedKeys)) * 2);
    return (int) Math.min(Math.min(settings.semiJoinBatchSize(), KeyBatchLimits.maxKeysPerStatement(convention.dialect)),
        Math.min(byEstimate, settings.semiJoinMaxKeys()));
  }

  private static double orElse(Double value, double fallback) {
    return value == null || value.isNaN() ? fallback : value;
  }

  /** The reduction chosen for one join. */
  private record Plan(int large, int smallKey, int largeKey, int batch, int maxKeys, double saving) {
    RelNode build(EnumerableHashJoin join, OptimizerConfig settings) {
      RelNode largeSide = join.getInput(large);
      DeltaScan scan = DeltaKeys.scanBelow(largeSide);
      if (scan != null) {
        return new KeyReducedJoin(join.getCluster(), join.getTraitSet(), join.getLeft(), join.getRight(),
            join.getCondition(), join.getJoinType(), large, smallKey, DeltaKeys.keyed(largeSide, largeKey),
            scan.sourceName(), maxKeys, batch);
      }
      return keyedStatement(join, (JdbcToEnumerableConverter) largeSide, settings);
    }

    /** The JDBC source's statement with a filter binding {@code batch} key parameters. */
    private RelNode keyedStatement(EnumerableHashJoin join, JdbcToEnumerableConverter largeSide,
        OptimizerConfig settings) {
      RelNode source = largeSide.getInput(0);
      RexBuilder rex = join.getCluster().getRexBuilder();
      RelDataType keyType = join.getCluster().getTypeFactory().createTypeWithNullability(
          source.getRowType().getFieldList().get(largeKey).getType(), true);
      List<RexNode> operands = new ArrayList<>();
      operands.add(rex.makeInputRef(source, largeKey));
      for (int i = 0; i < batch; i++) {
        operands.add(rex.makeDynamicParam(keyType, KeyReduction.PARAMETER_BASE + i));
      }
      RelNode filtered = new JdbcRules.JdbcFilter(join.getCluster(), source.getTraitSet(), source,
          rex.makeCall(KeyList.INSTANCE, operands));
      JdbcToEnumerableConverter keyed =
          (JdbcToEnumerableConverter) largeSide.copy(largeSide.getTraitSet(), List.of(filtered));
      String sourceName = ((SourceConvention) source.getConvention()).sourceName();
      return new KeyReducedJoin(join.getCluster(), join.getTraitSet(), join.getLeft(), join.getRight(),
          join.getCondition(), join.getJoinType(), large, smallKey, keyed, sourceName, maxKeys, batch);
    }
  }
}

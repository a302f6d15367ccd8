package io.junctionsql.planner.optimizer;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An aggregate over a left join that keeps one row per row of its left side (it groups by a unique key of
 * the left side and its calls read only the right side) is computed on the right side alone, grouped by its
 * join columns in its own source, before the join: "each customer with the count and total of its orders"
 * moves one row per customer that has orders instead of every order. The left join then meets at most one
 * row per left row, so no aggregate remains above it; a left row without a match gets what the aggregate
 * gives for no rows: {@code 0} for {@code COUNT(column)}, {@code 1} for {@code COUNT(*)} (the left row
 * itself), {@code NULL} for the others. Because each group is exactly one left key's rows, distinct calls
 * are exact too.
 */
final class AggregateOverOuterJoin extends RelOptRule {
  private static final Set<SqlKind> CALLS = EnumSet.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.MIN,
      SqlKind.MAX, SqlKind.AVG);

  static final RelOptRule INSTANCE = new AggregateOverOuterJoin();

  private AggregateOverOuterJoin() {
    super(operand(LogicalAggregate.class, operand(LogicalJoin.class, any())), "AggregateOverOuterJoin");
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    Join join = call.rel(1);
    int leftCount = join.getLeft().getRowType().getFieldCount();
    JoinInfo info = join.analyzeCondition();
    if (!applies(aggregate, join, info, leftCount)) {
      return;
    }
    RelBuilder b = call.builder();
    RexBuilder rex = b.getRexBuilder();
    b.push(join.getRight());
    List<RelBuilder.AggCall> partial = new ArrayList<>();
    for (AggregateCall c : aggregate.getAggCallList()) {
      List<RexNode> args = new ArrayList<>();
      for (int arg : c.getArgList()) {
        args.add(b.field(arg - leftCount));
      }
      partial.add(b.aggregateCall(c.getAggregation(), args).distinct(c.isDistinct()).as(c.getName()));
    }
    b.aggregate(b.groupKey(ImmutableBitSet.of(info.rightKeys)), partial);
    RelNode grouped = b.build();
    // The grouped right side's fields: its join columns in ascending order, then the calls.
    List<Integer> sortedRightKeys = ImmutableBitSet.of(info.rightKeys).asList();
    b.push(join.getLeft()).push(grouped);
    List<RexNode> condition = new ArrayList<>();
    for (int i = 0; i < info.leftKeys.size(); i++) {
      condition.add(b.equals(b.field(2, 0, info.leftKeys.get(i)),
          b.field(2, 1, sortedRightKeys.indexOf(info.rightKeys.get(i)))));
    }
    b.join(JoinRelType.LEFT, condition);
    List<RexNode> out = new ArrayList<>();
    for (int group : aggregate.getGroupSet()) {
      out.add(b.field(group));
    }
    for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
      AggregateCall c = aggregate.getAggCallList().get(i);
      RexNode value = b.field(leftCount + sortedRightKeys.size() + i);
      if (c.getAggregation().getKind() == SqlKind.COUNT) {
        // No match: COUNT(column) sees only the left row's NULLs, COUNT(*) counts the left row.
        value = b.call(SqlStdOperatorTable.COALESCE, value, b.literal(c.getArgList().isEmpty() ? 1 : 0));
      }
      out.add(rex.ensureType(c.getType(), value, true));
    }
    b.project(out, aggregate.getRowType().getFieldNames(), true);
    call.transformTo(b.build());
  }

  private static boolean applies(Aggregate aggregate, Join join, JoinInfo info, int leftCount) {
    if (join.getJoinType() != JoinRelType.LEFT || !info.isEqui() || info.leftKeys.isEmpty()
        || aggregate.getGroupType() != Aggregate.Group.SIMPLE || aggregate.getGroupSet().isEmpty()
        || aggregate.getGroupSet().asList().stream().anyMatch(g -> g >= leftCount)) {
      return false;
    }
    for (AggregateCall c : aggregate.getAggCallList()) {
      if (c.hasFilter() || !CALLS.contains(c.getAggregation().getKind())
          || c.getArgList().stream().anyMatch(a -> a < leftCount)) {
        return false;
      }
    }
    RelMetadataQuery mq = join.getCluster().getMetadataQuery();
    if (!Boolean.TRUE.equals(mq.areColumnsUnique(join.getLeft(), aggregate.getGroupSet()))) {
      return false;
    }
    // Worth it only where the right side's source runs the grouping: one JDBC source, not the left side's.
    Set<String> right = ManyToOneJoin.jdbcSources(join.getRight());
    return ManyToOneJoin.oneJdbcSource(right)
        && !ManyToOneJoin.jdbcSources(join.getLeft()).equals(right);
  }
}

package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.semantic.ConvertCurrencyFunction;
import io.junctionsql.planner.semantic.SemanticElement;
import io.junctionsql.planner.semantic.SemanticTable;

import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.Program;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The semantic rule that keeps answers right: an amount is summed or averaged only per currency
 * (grouped by its currency column, or filtered to one currency), and a quantity only per unit. Where
 * the source's semantics say which column holds an amount's currency, a query that adds amounts across
 * currencies is refused ({@code strict}), warned about ({@code warn}) or let through ({@code off}).
 * Runs on the plan as the query wrote it, before any rewriting.
 */
final class CurrencyRule implements Program {
  @Override public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    new RelVisitor() {
      @Override public void visit(RelNode node, int ordinal, RelNode parent) {
        if (node instanceof Aggregate) {
          check((Aggregate) node);
        }
        node.accept(new RexShuttle() {
          @Override public RexNode visitSubQuery(RexSubQuery subQuery) {
            go(subQuery.rel);
            return subQuery;
          }
        });
        super.visit(node, ordinal, parent);
      }
    }.go(rel);
    return rel;
  }

  private static void check(Aggregate aggregate) {
    RelMetadataQuery mq = aggregate.getCluster().getMetadataQuery();
    for (AggregateCall call : aggregate.getAggCallList()) {
      SqlKind kind = call.getAggregation().getKind();
      if (call.getArgList().isEmpty() || !(kind == SqlKind.SUM || kind == SqlKind.SUM0 || kind == SqlKind.AVG)) {
        continue;
      }
      if (converted(aggregate.getInput(), call.getArgList().get(0))) {
        continue;
      }
      Set<RelColumnOrigin> origins = mq.getColumnOrigins(aggregate.getInput(), call.getArgList().get(0));
      if (origins == null) {
        continue;
      }
      for (RelColumnOrigin origin : origins) {
        SemanticTable table = origin.getOriginTable().unwrap(SemanticTable.class);
        if (table == null || table.semanticsMode().equals("off")) {
          continue;
        }
        String column = origin.getOriginTable().getRowType().getFieldNames().get(origin.getOriginColumnOrdinal());
        Optional<SemanticElement> element = table.semantics().flatMap(e -> e.element(column));
        if (element.isEmpty()) {
          continue;
        }
        Optional<String> currency = element.get().currencyColumn();
        Optional<String> unit = element.get().unitColumn();
        String per = currency.isPresent() ? "currency" : "unit";
        Optional<String> guard = currency.isPresent() ? currency : unit;
        if (guard.isEmpty() || heldToOne(aggregate, mq, origin.getOriginTable(), guard.get())) {
          continue;
        }
        String message = call.getAggregation().getName() + "(" + column + ") adds " + (currency.isPresent()
            ? "amounts in different currencies" : "quantities in different units") + ": the " + per + " of "
            + table.schemaName() + "." + table.tableName() + "." + column + " is in column " + guard.get()
            + ". Group by " + guard.get() + ", filter it to one " + per
            + (currency.isPresent() ? ", or convert the amounts with convert_currency(" + column + ", " + guard.get()
                + ", 'EUR', <date>)" : "") + "."
            + " (Semantic rules of source '" + table.sourceName() + "' are " + table.semanticsMode() + ".)";
        if (table.semanticsMode().equals("strict")) {
          throw new JunctionException(SqlStates.SEMANTIC_RULE, message);
        }
        table.session().warn(message);
      }
    }
  }

  /** True if the aggregated value is an amount converted to one currency by {@code convert_currency}. */
  private static boolean converted(RelNode input, int field) {
    if (!(input instanceof Project)) {
      return false;
    }
    RexNode e = ((Project) input).getProjects().get(field);
    return e instanceof RexCall && ((RexCall) e).getOperator() == ConvertCurrencyFunction.INSTANCE;
  }

  /** True if the aggregate groups by the guard column, or its input holds the column to one value. */
  private static boolean heldToOne(Aggregate aggregate, RelMetadataQuery mq, RelOptTable table, String guard) {
    int guardOrdinal = table.getRowType().getFieldNames().indexOf(guard);
    for (int key : aggregate.getGroupSet()) {
      if (comesFrom(mq, aggregate.getInput(), key, table, guardOrdinal)) {
        return true;
      }
    }
    return pinnedBelow(aggregate.getInput(), mq, table, guardOrdinal);
  }

  /**
   * True if a filter below (down to the next aggregate) holds the column to one literal value. The
   * column need not reach the aggregate: {@code WHERE currency = 'EUR'} then {@code SUM(amount)}.
   */
  private static boolean pinnedBelow(RelNode node, RelMetadataQuery mq, RelOptTable table, int ordinal) {
    if (node instanceof Aggregate) {
      return false;
    }
    if (node instanceof Filter) {
      Filter filter = (Filter) node;
      for (RexNode p : RelOptUtil.conjunctions(filter.getCondition())) {
        if (p.getKind() != SqlKind.EQUALS) {
          continue;
        }
        List<RexNode> operands = ((RexCall) p).getOperands();
        for (int i = 0; i < 2; i++) {
          if (operands.get(i) instanceof RexInputRef && operands.get(1 - i) instanceof RexLiteral
              && comesFrom(mq, filter.getInput(), ((RexInputRef) operands.get(i)).getIndex(), table, ordinal)) {
            return true;
          }
        }
      }
    }
    for (RelNode input : node.getInputs()) {
      if (pinnedBelow(input, mq, table, ordinal)) {
        return true;
      }
    }
    return false;
  }

  private static boolean comesFrom(RelMetadataQuery mq, RelNode input, int field, RelOptTable table, int ordinal) {
    Set<RelColumnOrigin> origins = mq.getColumnOrigins(input, field);
    if (origins == null) {
      return false;
    }
    for (RelColumnOrigin o : origins) {
      if (o.getOriginColumnOrdinal() == ordinal
          && o.getOriginTable().getQualifiedName().equals(table.getQualifiedName())) {
        return true;
      }
    }
    return false;
  }
}

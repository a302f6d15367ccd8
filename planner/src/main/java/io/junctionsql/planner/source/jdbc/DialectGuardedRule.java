package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.semantic.ConvertCurrencyFunction;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;

/**
 * One of Calcite's JDBC rules, allowed to move an expression into the source only if the source's
 * dialect can write every function in it. Calcite's own rules consult the dialect for aggregates but
 * not for scalar functions, so a function the source lacks (or computes differently) would be sent
 * anyway; with this, it stays in Junction. Used for Junction's own dialects, whose lists of what they
 * can write are complete; Calcite's built-in dialects answer for their standard functions only.
 */
final class DialectGuardedRule extends ConverterRule {
  private final ConverterRule rule;
  private final SqlDialect dialect;
  private final boolean completeList;

  /**
   * @param completeList true for Junction's dialects, whose refusal lists are complete; for Calcite's
   *     dialects only Junction's own functions are checked (no other database has them)
   */
  DialectGuardedRule(ConverterRule rule, SqlDialect dialect, boolean completeList) {
    super(rule.config);
    this.rule = rule;
    this.dialect = dialect;
    this.completeList = completeList;
  }

  @Override public boolean matches(RelOptRuleCall call) {
    return rule.matches(call);
  }

  @Override public RelNode convert(RelNode rel) {
    return dialectWrites(rel) ? rule.convert(rel) : null;
  }

  private boolean dialectWrites(RelNode rel) {
    boolean[] ok = {true};
    rel.accept(new RexShuttle() {
      @Override public RexNode visitCall(RexCall call) {
        List<RelDataType> operandTypes = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
          operandTypes.add(operand.getType());
        }
        // SEARCH is Calcite's own form of IN and ranges; the SQL writer expands it for every dialect.
        boolean own = call.getOperator() == ConvertCurrencyFunction.INSTANCE;
        if (call.getKind() != SqlKind.SEARCH && (completeList || own)
            && !dialect.supportsFunction(call.getOperator(), call.getType(), operandTypes)) {
          ok[0] = false;
        }
        return super.visitCall(call);
      }
    });
    return ok[0];
  }
}

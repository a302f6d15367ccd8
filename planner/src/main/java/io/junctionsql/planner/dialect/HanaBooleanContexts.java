package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Makes every boolean HANA-legal. HANA keeps conditions and values apart: a condition (WHERE, HAVING,
 * ON, CASE WHEN, AND, OR, NOT) cannot be a bare boolean value, so {@code WHERE "IsPaid"} must read
 * {@code WHERE "IsPaid" = TRUE}; and a value (a select item, a function argument, a comparison operand)
 * cannot be a predicate, so {@code SELECT a > b} must read
 * {@code SELECT CASE WHEN a > b THEN TRUE WHEN NOT a > b THEN FALSE END}. HANA also lacks
 * {@code IS [NOT] TRUE/FALSE} and {@code IS [NOT] DISTINCT FROM}, which become plain comparisons.
 *
 * <p>Works on one SELECT at a time; sub-queries are rewritten when they are printed in turn.
 */
final class HanaBooleanContexts {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  /** Calls that HANA reads as conditions. */
  private static final Set<SqlKind> PREDICATES = EnumSet.of(
      SqlKind.AND, SqlKind.OR, SqlKind.NOT,
      SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
      SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
      SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_NOT_TRUE,
      SqlKind.IS_FALSE, SqlKind.IS_NOT_FALSE, SqlKind.IS_UNKNOWN,
      SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM,
      SqlKind.LIKE, SqlKind.SIMILAR, SqlKind.BETWEEN, SqlKind.IN, SqlKind.NOT_IN,
      SqlKind.EXISTS, SqlKind.UNIQUE, SqlKind.SOME, SqlKind.ALL);

  /** Predicates that are never unknown (as written here), so their value needs no third branch. */
  private static final Set<SqlKind> TWO_VALUED = EnumSet.of(
      SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_NOT_TRUE, SqlKind.IS_FALSE,
      SqlKind.IS_NOT_FALSE, SqlKind.IS_UNKNOWN, SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM,
      SqlKind.EXISTS, SqlKind.UNIQUE);

  private HanaBooleanContexts() {
  }

  /** A copy of the SELECT with each clause in the form its context needs. */
  static SqlSelect rewrite(SqlSelect select) {
    SqlSelect copy = (SqlSelect) select.getOperator().createCall(select.getFunctionQuantifier(),
        select.getParserPosition(), select.getOperandList().toArray(new SqlNode[0]));
    copy.setSelectList(values(select.getSelectList()));
    copy.setFrom(from(select.getFrom()));
    copy.setWhere(condition(select.getWhere(), true));
    copy.setGroupBy(values(select.getGroup()));
    copy.setHaving(condition(select.getHaving(), true));
    copy.setOrderBy(values(select.getOrderList()));
    return copy;
  }

  private static @Nullable SqlNode from(@Nullable SqlNode from) {
    if (!(from instanceof SqlJoin)) {
      return from;
    }
    SqlJoin join = (SqlJoin) from;
    return new SqlJoin(join.getParserPosition(), from(join.getLeft()), join.isNaturalNode(),
        join.getJoinTypeNode(), from(join.getRight()), join.getConditionTypeNode(),
        condition(join.getCondition(), true));
  }

  private static @Nullable SqlNodeList values(@Nullable SqlNodeList list) {
    if (list == null) {
      return null;
    }
    List<SqlNode> rewritten = new ArrayList<>(list.size());
    for (SqlNode node : list) {
      rewritten.add(value(node));
    }
    return new SqlNodeList(rewritten, list.getParserPosition());
  }

  /**
   * An expression used where HANA wants a condition.
   *
   * @param positive whether an unknown result here counts as false, as it does in WHERE, ON, HAVING and
   *     CASE WHEN, unless a NOT stands in between
   */
  private static @Nullable SqlNode condition(@Nullable SqlNode node, boolean positive) {
    if (node == null) {
      return null;
    }
    if (!isPredicate(node)) {
      return equalsLiteral(value(node), true);
    }
    SqlCall call = (SqlCall) node;
    switch (call.getKind()) {
    case IS_TRUE:
      // Where unknown counts as false anyway, "p IS TRUE" is just p.
      return positive ? condition(call.operand(0), true) : truth(call.operand(0), true, true);
    case IS_FALSE:
      if (!positive) {
        return truth(call.operand(0), false, true);
      }
      return isPredicate(call.operand(0))
          ? SqlStdOperatorTable.NOT.createCall(POS, condition(call.operand(0), false))
          : equalsLiteral(value(call.operand(0)), false);
    case IS_NOT_TRUE:
      return truth(call.operand(0), true, false);
    case IS_NOT_FALSE:
      return truth(call.operand(0), false, false);
    case IS_UNKNOWN:
      return isNull(value(call.operand(0)));
    case IS_NOT_DISTINCT_FROM:
      return notDistinct(value(call.operand(0)), value(call.operand(1)));
    case IS_DISTINCT_FROM:
      return SqlStdOperatorTable.NOT.createCall(POS,
          notDistinct(value(call.operand(0)), value(call.operand(1))));
    case NOT:
      return SqlStdOperatorTable.NOT.createCall(POS, condition(call.operand(0), !positive));
    case AND:
    case OR:
      List<SqlNode> operands = new ArrayList<>();
      for (SqlNode operand : call.getOperandList()) {
        operands.add(condition(operand, positive));
      }
      return call.getOperator().createCall(call.getFunctionQuantifier(), POS, operands);
    default:
      return withOperands(call);
    }
  }

  /** An expression used where HANA wants a value. */
  private static SqlNode value(SqlNode node) {
    if (isPredicate(node)) {
      SqlNode condition = condition(node, true);
      SqlNodeList whens = TWO_VALUED.contains(node.getKind())
          ? SqlNodeList.of(condition)
          : SqlNodeList.of(condition, SqlStdOperatorTable.NOT.createCall(POS, condition(node, false)));
      SqlNodeList thens = TWO_VALUED.contains(node.getKind())
          ? SqlNodeList.of(SqlLiteral.createBoolean(true, POS))
          : SqlNodeList.of(SqlLiteral.createBoolean(true, POS), SqlLiteral.createBoolean(false, POS));
      SqlNode otherwise = TWO_VALUED.contains(node.getKind()) ? SqlLiteral.createBoolean(false, POS) : null;
      return new SqlCase(POS, null, whens, thens, otherwise);
    }
    if (node instanceof SqlCase) {
      SqlCase c = (SqlCase) node;
      // A searched CASE tests conditions; a simple CASE compares values.
      boolean searched = c.getValueOperand() == null;
      List<SqlNode> whens = new ArrayList<>();
      for (SqlNode when : c.getWhenOperands()) {
        whens.add(searched ? condition(when, true) : value(when));
      }
      SqlNode otherwise = c.getElseOperand();
      return new SqlCase(c.getParserPosition(),
          c.getValueOperand() == null ? null : value(c.getValueOperand()),
          new SqlNodeList(whens, POS), values(c.getThenOperands()),
          otherwise == null ? null : value(otherwise));
    }
    if (node instanceof SqlBasicCall) {
      return withOperands((SqlCall) node);
    }
    if (node instanceof SqlNodeList) {
      return values((SqlNodeList) node);
    }
    // Identifiers, literals, sub-queries, windows, type names: nothing inside to change here.
    return node;
  }

  /** The call with its operands rewritten as values; sub-queries are left alone. */
  private static SqlNode withOperands(SqlCall call) {
    if (!(call instanceof SqlBasicCall)) {
      return call;
    }
    List<SqlNode> operands = new ArrayList<>();
    boolean changed = false;
    for (SqlNode operand : call.getOperandList()) {
      SqlNode rewritten = operand == null || operand instanceof SqlSelect ? operand : value(operand);
      changed |= rewritten != operand;
      operands.add(rewritten);
    }
    return changed
        ? call.getOperator().createCall(call.getFunctionQuantifier(), call.getParserPosition(), operands)
        : call;
  }

  /**
   * {@code x IS [NOT] TRUE/FALSE}, which HANA lacks, as a condition that is never unknown: under a NOT,
   * "x IS TRUE" must be false, not unknown, when x is null.
   */
  private static SqlNode truth(SqlNode x, boolean truth, boolean is) {
    if (isPredicate(x)) {
      // CASE WHEN p THEN a ELSE b END = TRUE: the ELSE branch takes both the other value and unknown.
      SqlNode test = truth ? condition(x, true) : SqlStdOperatorTable.NOT.createCall(POS, condition(x, false));
      SqlNode chosen = new SqlCase(POS, null, SqlNodeList.of(test),
          SqlNodeList.of(SqlLiteral.createBoolean(is, POS)), SqlLiteral.createBoolean(!is, POS));
      return equalsLiteral(chosen, true);
    }
    SqlNode v = value(x);
    return is
        ? and(isNotNull(v), equalsLiteral(v, truth))
        : or(isNull(v), equalsLiteral(v, !truth));
  }

  private static boolean isPredicate(SqlNode node) {
    return node instanceof SqlCall && PREDICATES.contains(node.getKind());
  }

  /** {@code a IS NOT DISTINCT FROM b}, never unknown, from comparisons HANA has. */
  private static SqlNode notDistinct(SqlNode a, SqlNode b) {
    return or(and(SqlStdOperatorTable.EQUALS.createCall(POS, a, b), and(isNotNull(a), isNotNull(b))),
        and(isNull(a), isNull(b)));
  }

  private static SqlNode equalsLiteral(SqlNode value, boolean literal) {
    return SqlStdOperatorTable.EQUALS.createCall(POS, value, SqlLiteral.createBoolean(literal, POS));
  }

  private static SqlNode isNull(SqlNode value) {
    return SqlStdOperatorTable.IS_NULL.createCall(POS, value);
  }

  private static SqlNode isNotNull(SqlNode value) {
    return SqlStdOperatorTable.IS_NOT_NULL.createCall(POS, value);
  }

  private static SqlNode and(SqlNode a, SqlNode b) {
    return SqlStdOperatorTable.AND.createCall(POS, a, b);
  }

  private static SqlNode or(SqlNode a, SqlNode b) {
    return SqlStdOperatorTable.OR.createCall(POS, a, b);
  }
}

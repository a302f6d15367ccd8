package io.junctionsql.planner.security.enforce;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.security.RowFilter;
import io.junctionsql.planner.security.RowFilterGrammar;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlTimeLiteral;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a row filter into a condition over a table's columns, with {@code CURRENT_USER} replaced by the
 * identity's name as a literal (Calcite's own CURRENT_USER would name the engine's user, and a literal
 * lets the source evaluate the filter). Operands of a comparison are brought to a common type the way
 * the validator would, so that the condition means the same in Junction and in the source.
 */
final class RowFilterConverter {
  private final RexBuilder rex;
  private final RelDataTypeFactory types;
  private final RelDataType row;
  private final String user;
  private final RowFilter filter;
  private final String table;

  /**
   * @param row the columns of the table the condition is over (hidden ones included: a filter may use them)
   * @param table the table's qualified name, for messages
   */
  RowFilterConverter(RexBuilder rex, RelDataType row, String user, RowFilter filter, String table) {
    this.rex = rex;
    this.types = rex.getTypeFactory();
    this.row = row;
    this.user = user;
    this.filter = filter;
    this.table = table;
  }

  RexNode convert() {
    RexNode condition = convert(filter.condition());
    if (!SqlTypeFamily.BOOLEAN.contains(condition.getType())) {
      throw refused("is not a condition (it has type " + condition.getType() + ")");
    }
    return condition;
  }

  private RexNode convert(SqlNode node) {
    if (node instanceof SqlIdentifier) {
      SqlIdentifier id = (SqlIdentifier) node;
      return RowFilterGrammar.isCurrentUser(id) ? rex.makeLiteral(user) : column(id.getSimple());
    }
    if (node instanceof SqlLiteral) {
      return literal(RowFilterGrammar.literal((SqlLiteral) node));
    }
    if (!(node instanceof SqlCall)) {
      throw refused("uses " + node + ", which row filters do not offer");
    }
    SqlCall call = (SqlCall) node;
    SqlOperator op = call.getOperator();
    if (RowFilterGrammar.isCurrentUser(op)) {
      return rex.makeLiteral(user);
    }
    List<SqlNode> operands = call.getOperandList();
    if (SqlKind.COMPARISON.contains(call.getKind()) && operands.size() == 2) {
      return rex.makeCall(op, comparable(convertAll(operands)));
    }
    switch (call.getKind()) {
    case AND:
    case OR:
    case NOT:
    case IS_NULL:
    case IS_NOT_NULL:
    case MINUS_PREFIX:
      return rex.makeCall(op, convertAll(operands));
    case IN:
    case NOT_IN:
      return in(operands, call.getKind() == SqlKind.NOT_IN);
    case BETWEEN:
      return between(operands, ((SqlBetweenOperator) op).isNegated());
    case LIKE:
      return like(operands, ((SqlLikeOperator) op).isNegated());
    default:
      throw refused("uses " + op.getName() + ", which row filters do not offer");
    }
  }

  private List<RexNode> convertAll(List<SqlNode> nodes) {
    List<RexNode> out = new ArrayList<>();
    for (SqlNode n : nodes) {
      out.add(convert(n));
    }
    return out;
  }

  /** {@code x IN (a, b)} as {@code x = a OR x = b}, which has the same three-valued meaning. */
  private RexNode in(List<SqlNode> operands, boolean negated) {
    RexNode value = convert(operands.get(0));
    List<RexNode> alternatives = new ArrayList<>();
    for (SqlNode item : (SqlNodeList) operands.get(1)) {
      alternatives.add(rex.makeCall(SqlStdOperatorTable.EQUALS, comparable(List.of(value, convert(item)))));
    }
    RexNode any = alternatives.size() == 1 ? alternatives.get(0) : rex.makeCall(SqlStdOperatorTable.OR, alternatives);
    return negated ? rex.makeCall(SqlStdOperatorTable.NOT, any) : any;
  }

  private RexNode between(List<SqlNode> operands, boolean negated) {
    List<RexNode> all = comparable(convertAll(operands));
    RexNode inside = rex.makeCall(SqlStdOperatorTable.AND,
        rex.makeCall(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, all.get(0), all.get(1)),
        rex.makeCall(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, all.get(0), all.get(2)));
    return negated ? rex.makeCall(SqlStdOperatorTable.NOT, inside) : inside;
  }

  private RexNode like(List<SqlNode> operands, boolean negated) {
    List<RexNode> args = convertAll(operands);
    for (RexNode a : args) {
      if (!SqlTypeFamily.CHARACTER.contains(a.getType()) && a.getType().getSqlTypeName() != SqlTypeName.NULL) {
        throw refused("applies LIKE to " + a + " of type " + a.getType() + "; LIKE compares text only");
      }
    }
    RexNode like = rex.makeCall(SqlStdOperatorTable.LIKE, args);
    return negated ? rex.makeCall(SqlStdOperatorTable.NOT, like) : like;
  }

  /**
   * The operands cast to their least restrictive common type; where there is none (a date column and a
   * text literal), text literals are cast to the other operand's type, as the validator reads them.
   */
  private List<RexNode> comparable(List<RexNode> operands) {
    List<RelDataType> operandTypes = new ArrayList<>();
    operands.forEach(o -> operandTypes.add(o.getType()));
    RelDataType common = types.leastRestrictive(operandTypes);
    if (common == null) {
      List<RelDataType> others = new ArrayList<>();
      operands.stream().filter(o -> !isTextLiteral(o)).forEach(o -> others.add(o.getType()));
      common = others.isEmpty() ? null : types.leastRestrictive(others);
      if (common == null) {
        throw refused("compares values of types " + operandTypes + " that cannot be compared");
      }
    }
    List<RexNode> out = new ArrayList<>();
    for (RexNode o : operands) {
      RelDataType wanted = types.createTypeWithNullability(common, o.getType().isNullable());
      out.add(o.getType().equals(wanted) ? o : rex.makeCast(wanted, o, true, false));
    }
    return out;
  }

  private static boolean isTextLiteral(RexNode node) {
    return node instanceof RexLiteral && SqlTypeFamily.CHARACTER.contains(node.getType());
  }

  private RexNode column(String name) {
    RelDataTypeField field = row.getField(name, true, false);
    if (field == null) {
      field = row.getField(name, false, false);
    }
    if (field == null) {
      throw refused("names column '" + name + "', which the table does not have (its columns: "
          + String.join(", ", row.getFieldNames()) + ")");
    }
    return rex.makeInputRef(field.getType(), field.getIndex());
  }

  private RexNode literal(SqlLiteral literal) {
    switch (literal.getTypeName()) {
    case DECIMAL:
      return rex.makeExactLiteral(literal.getValueAs(BigDecimal.class));
    case DOUBLE:
      return rex.makeApproxLiteral(literal.getValueAs(BigDecimal.class));
    case CHAR:
      return rex.makeLiteral(literal.getValueAs(String.class));
    case BOOLEAN:
      return rex.makeLiteral(literal.booleanValue());
    case NULL:
      return rex.makeNullLiteral(types.createSqlType(SqlTypeName.NULL));
    case DATE:
      return rex.makeDateLiteral(literal.getValueAs(DateString.class));
    case TIME:
      return rex.makeTimeLiteral(literal.getValueAs(TimeString.class), ((SqlTimeLiteral) literal).getPrec());
    case TIMESTAMP:
      return rex.makeTimestampLiteral(literal.getValueAs(TimestampString.class),
          ((SqlTimestampLiteral) literal).getPrec());
    default:
      throw refused("uses the literal " + literal + ", which row filters do not offer");
    }
  }

  /** The statement is refused: running it without the policy's filter would show rows the policy withholds. */
  private JunctionException refused(String problem) {
    return new JunctionException(SqlStates.INSUFFICIENT_PRIVILEGE, "Policy '" + filter.policy()
        + "' cannot be applied to table " + table + ": its row filter \"" + filter.text() + "\" (" + filter.path()
        + ") " + problem + ". The query is refused rather than run without the filter; fix the policy.");
  }
}

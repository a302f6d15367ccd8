package io.junctionsql.planner.security;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL a row filter may use. It is small on purpose: every construct in it has one meaning in every
 * source's dialect, so the filter is pushed to the source unchanged, and the config can be checked
 * without a source.
 */
public final class RowFilterGrammar {
  /** What the grammar offers, for messages. */
  public static final String OFFERED = "Use column names, literals, =, <>, <, <=, >, >=, AND, OR, NOT, IN, "
      + "BETWEEN, LIKE, IS [NOT] NULL and CURRENT_USER.";

  static final Set<SqlKind> CALLS = Set.of(SqlKind.AND, SqlKind.OR, SqlKind.NOT, SqlKind.EQUALS,
      SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
      SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.IN, SqlKind.NOT_IN,
      SqlKind.BETWEEN, SqlKind.LIKE, SqlKind.MINUS_PREFIX);

  private static final Set<SqlTypeName> LITERALS = Set.of(SqlTypeName.DECIMAL, SqlTypeName.DOUBLE,
      SqlTypeName.CHAR, SqlTypeName.BOOLEAN, SqlTypeName.NULL, SqlTypeName.DATE, SqlTypeName.TIME,
      SqlTypeName.TIMESTAMP);

  private RowFilterGrammar() {
  }

  /** The first construct of {@code node} outside the grammar, described for a message; empty if none. */
  static Optional<String> unsupported(SqlNode node) {
    if (node instanceof SqlIdentifier) {
      SqlIdentifier id = (SqlIdentifier) node;
      return id.isSimple() ? Optional.empty()
          : Optional.of("the qualified name " + id + " (name the table's own columns without a prefix)");
    }
    if (node instanceof SqlLiteral) {
      try {
        SqlLiteral literal = literal((SqlLiteral) node);
        return LITERALS.contains(literal.getTypeName()) ? Optional.empty()
            : Optional.of("a literal of type " + literal.getTypeName());
      } catch (RuntimeException e) {
        return Optional.of("the literal " + node + " (" + e.getMessage() + ")");
      }
    }
    if (node instanceof SqlNodeList) {
      for (SqlNode item : (SqlNodeList) node) {
        Optional<String> problem = unsupported(item);
        if (problem.isPresent()) {
          return problem;
        }
      }
      return Optional.empty();
    }
    if (!(node instanceof SqlCall)) {
      return Optional.of(String.valueOf(node));
    }
    SqlCall call = (SqlCall) node;
    SqlOperator op = call.getOperator();
    if (isCurrentUser(op)) {
      return Optional.empty();
    }
    if (!CALLS.contains(call.getKind())
        || op instanceof SqlBetweenOperator && ((SqlBetweenOperator) op).flag == SqlBetweenOperator.Flag.SYMMETRIC) {
      return Optional.of(op.getName().toUpperCase(Locale.ROOT));
    }
    for (SqlNode operand : call.getOperandList()) {
      Optional<String> problem = operand == null ? Optional.empty() : unsupported(operand);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** Whether the operator names the user running the statement. */
  public static boolean isCurrentUser(SqlOperator op) {
    return op == SqlStdOperatorTable.CURRENT_USER || op == SqlStdOperatorTable.SESSION_USER
        || op == SqlStdOperatorTable.USER;
  }

  /**
   * Whether an identifier names the user running the statement: the parser reads an unquoted
   * {@code CURRENT_USER} as a name, which the validator would turn into the function, before any column.
   */
  public static boolean isCurrentUser(SqlIdentifier id) {
    return id.isSimple() && !id.isComponentQuoted(0) && Set.of("CURRENT_USER", "SESSION_USER", "USER")
        .contains(id.getSimple().toUpperCase(Locale.ROOT));
  }

  /** A literal with its type known: the parser leaves {@code DATE '...'} and its kin for the validator. */
  public static SqlLiteral literal(SqlLiteral literal) {
    if (literal instanceof SqlUnknownLiteral) {
      SqlUnknownLiteral unknown = (SqlUnknownLiteral) literal;
      return unknown.resolve(SqlTypeName.valueOf(unknown.tag.toUpperCase(Locale.ROOT)));
    }
    return literal;
  }
}

package io.junctionsql.planner.source.delta;

import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Expression;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a SQL filter into a Delta Kernel predicate, which Kernel uses to prune partitions and skip
 * files by their min/max statistics. Kernel does not filter rows, so the SQL filter stays in the plan;
 * this only has to be implied by it. At the top of an AND, conjuncts Kernel cannot take are dropped
 * (the rest is still implied); under NOT and OR only an exact translation is safe.
 */
final class KernelPredicates {
  private final List<StructField> columns;
  private final ZoneId zone;

  /**
   * @param columns the Delta field behind each input field of the filter
   * @param zone the zone in which TIMESTAMP literals are read (the client's), for instant columns
   */
  KernelPredicates(List<StructField> columns, ZoneId zone) {
    this.columns = columns;
    this.zone = zone;
  }

  Optional<Predicate> convert(RexNode condition, RexBuilder rexBuilder) {
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
    List<Predicate> parts = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
      exact(conjunct).ifPresent(parts::add);
    }
    return and(parts);
  }

  private Optional<Predicate> exact(RexNode node) {
    if (!(node instanceof RexCall)) {
      return Optional.empty();
    }
    RexCall call = (RexCall) node;
    switch (call.getKind()) {
    case AND:
    case OR: {
      List<Predicate> parts = new ArrayList<>();
      for (RexNode operand : call.getOperands()) {
        Optional<Predicate> p = exact(operand);
        if (p.isEmpty()) {
          return Optional.empty();
        }
        parts.add(p.get());
      }
      return call.getKind() == SqlKind.AND ? and(parts) : or(parts);
    }
    case NOT:
      return exact(call.getOperands().get(0)).map(p -> new Predicate("NOT", p));
    case IS_NULL:
      return column(call.getOperands().get(0)).map(c -> new Predicate("IS_NULL", c.column()));
    case IS_NOT_NULL:
      return column(call.getOperands().get(0)).map(c -> new Predicate("IS_NOT_NULL", c.column()));
    case EQUALS:
    case NOT_EQUALS:
    case LESS_THAN:
    case LESS_THAN_OR_EQUAL:
    case GREATER_THAN:
    case GREATER_THAN_OR_EQUAL:
      return comparison(call);
    default:
      return Optional.empty();
    }
  }

  private Optional<Predicate> comparison(RexCall call) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (RexUtil.isLiteral(left, true) && !RexUtil.isLiteral(right, true)) {
      RexNode t = left;
      left = right;
      right = t;
      kind = kind.reverse();
    }
    if (!(right instanceof RexLiteral) || ((RexLiteral) right).isNull()) {
      return Optional.empty();
    }
    Optional<ColumnRef> column = column(left);
    if (column.isEmpty()) {
      return Optional.empty();
    }
    Optional<Literal> literal = literal((RexLiteral) right, column.get().field().getDataType());
    if (literal.isEmpty()) {
      return Optional.empty();
    }
    Column c = column.get().column();
    Literal l = literal.get();
    switch (kind) {
    case EQUALS:
      return Optional.of(new Predicate("=", c, l));
    case NOT_EQUALS:
      return Optional.of(new Predicate("NOT", new Predicate("=", c, l)));
    case LESS_THAN:
      return Optional.of(new Predicate("<", c, l));
    case LESS_THAN_OR_EQUAL:
      return Optional.of(new Predicate("<=", c, l));
    case GREATER_THAN:
      return Optional.of(new Predicate(">", c, l));
    default:
      return Optional.of(new Predicate(">=", c, l));
    }
  }

  /** A column, possibly widened by a cast Calcite added to compare it with a wider literal. */
  private Optional<ColumnRef> column(RexNode node) {
    RexNode n = node;
    if (n.getKind() == SqlKind.CAST && ((RexCall) n).getOperands().get(0) instanceof RexInputRef) {
      RexNode inner = ((RexCall) n).getOperands().get(0);
      if (!isWidening(inner, n)) {
        return Optional.empty();
      }
      n = inner;
    }
    if (!(n instanceof RexInputRef)) {
      return Optional.empty();
    }
    StructField field = columns.get(((RexInputRef) n).getIndex());
    if (!DeltaTypes.isSkippable(field.getDataType())) {
      return Optional.empty();
    }
    return Optional.of(new ColumnRef(field, new Column(field.getName())));
  }

  private static boolean isWidening(RexNode from, RexNode to) {
    return org.apache.calcite.sql.type.SqlTypeUtil.isExactNumeric(from.getType())
        && org.apache.calcite.sql.type.SqlTypeUtil.isExactNumeric(to.getType())
        && from.getType().getScale() == 0 && to.getType().getScale() == 0;
  }

  /** The literal in the column's own type, if it converts exactly. */
  Optional<Literal> literal(RexLiteral lit, DataType type) {
    try {
      if (type instanceof StringType) {
        NlsString s = lit.getValueAs(NlsString.class);
        return s == null ? Optional.empty() : Optional.of(Literal.ofString(s.getValue()));
      }
      if (type instanceof BooleanType) {
        Boolean b = lit.getValueAs(Boolean.class);
        return b == null ? Optional.empty() : Optional.of(Literal.ofBoolean(b));
      }
      if (type instanceof DateType) {
        DateString d = lit.getValueAs(DateString.class);
        return d == null ? Optional.empty() : Optional.of(Literal.ofDate(d.getDaysSinceEpoch()));
      }
      if (type instanceof TimestampType || type instanceof TimestampNTZType) {
        TimestampString ts = lit.getValueAs(TimestampString.class);
        if (ts == null) {
          return Optional.empty();
        }
        LocalDateTime wall = LocalDateTime.ofEpochSecond(Math.floorDiv(ts.getMillisSinceEpoch(), 1000L),
            (int) Math.floorMod(ts.getMillisSinceEpoch(), 1000L) * 1_000_000, ZoneOffset.UTC);
        if (type instanceof TimestampNTZType) {
          return Optional.of(Literal.ofTimestampNtz(micros(wall.toInstant(ZoneOffset.UTC))));
        }
        return Optional.of(Literal.ofTimestamp(micros(wall.atZone(zone).toInstant())));
      }
      BigDecimal n = lit.getValueAs(BigDecimal.class);
      if (n == null) {
        return Optional.empty();
      }
      if (type instanceof ByteType) {
        return Optional.of(Literal.ofByte(n.byteValueExact()));
      } else if (type instanceof ShortType) {
        return Optional.of(Literal.ofShort(n.shortValueExact()));
      } else if (type instanceof IntegerType) {
        return Optional.of(Literal.ofInt(n.intValueExact()));
      } else if (type instanceof LongType) {
        return Optional.of(Literal.ofLong(n.longValueExact()));
      } else if (type instanceof FloatType) {
        return Optional.of(Literal.ofFloat(n.floatValue()));
      } else if (type instanceof DoubleType) {
        return Optional.of(Literal.ofDouble(n.doubleValue()));
      } else if (type instanceof DecimalType) {
        DecimalType d = (DecimalType) type;
        BigDecimal scaled = n.setScale(d.getScale());
        return scaled.precision() > d.getPrecision() ? Optional.empty()
            : Optional.of(Literal.ofDecimal(scaled, d.getPrecision(), d.getScale()));
      }
    } catch (ArithmeticException | ClassCastException | IllegalArgumentException e) {
      // Not exactly representable in the column's type: Kernel cannot use it, the SQL filter still applies.
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000L);
  }

  private static Optional<Predicate> and(List<Predicate> parts) {
    return parts.stream().reduce(And::new);
  }

  private static Optional<Predicate> or(List<Predicate> parts) {
    return parts.stream().reduce(Or::new);
  }

  /**
   * A Delta column named in a predicate.
   *
   * @param field the field
   * @param column Kernel's reference to it
   */
  private record ColumnRef(StructField field, Column column) {
  }

  /** For tests and EXPLAIN: the predicate as Kernel prints it. */
  static String describe(Expression e) {
    return e == null ? "none" : e.toString();
  }
}

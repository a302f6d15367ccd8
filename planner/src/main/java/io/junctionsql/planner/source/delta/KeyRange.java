package io.junctionsql.planner.source.delta;

import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;

import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.function.Function1;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The join keys a Delta scan receives from a semi-join reduction: their range, added to the Kernel
 * predicate so that files whose min/max statistics lie outside it are skipped, and their set, which the
 * rows read must be in.
 */
final class KeyRange {
  private final Set<Object> keys;
  private final Object min;
  private final Object max;

  private KeyRange(Set<Object> keys, Object min, Object max) {
    this.keys = keys;
    this.min = min;
    this.max = max;
  }

  /** @param keys distinct non-null values of one type, at least one */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static KeyRange of(Object[] keys) {
    Object[] sorted = keys.clone();
    Arrays.sort(sorted, (a, b) -> ((Comparable) a).compareTo(b));
    return new KeyRange(new HashSet<>(Arrays.asList(keys)), sorted[0], sorted[sorted.length - 1]);
  }

  /** {@code predicate} and the keys' range on {@code column}; {@code predicate} alone for a type without a range here. */
  Predicate and(Predicate predicate, String column, DataType type) {
    Literal low = literal(min, type);
    Literal high = literal(max, type);
    if (low == null || high == null) {
      return predicate;
    }
    Predicate range = new And(new Predicate(">=", new Column(column), low),
        new Predicate("<=", new Column(column), high));
    return predicate == null ? range : new And(predicate, range);
  }

  /** The rows whose key is one of the keys. */
  Enumerator<Object> keep(Enumerator<Object> rows, Function1<Object, Object> key) {
    return new Enumerator<>() {
      @Override public Object current() {
        return rows.current();
      }

      @Override public boolean moveNext() {
        while (rows.moveNext()) {
          if (keys.contains(key.apply(rows.current()))) {
            return true;
          }
        }
        return false;
      }

      @Override public void reset() {
        rows.reset();
      }

      @Override public void close() {
        rows.close();
      }
    };
  }

  private static Literal literal(Object value, DataType type) {
    if (type instanceof IntegerType) {
      return Literal.ofInt(((Number) value).intValue());
    }
    if (type instanceof LongType) {
      return Literal.ofLong(((Number) value).longValue());
    }
    if (type instanceof ShortType) {
      return Literal.ofShort(((Number) value).shortValue());
    }
    if (type instanceof ByteType) {
      return Literal.ofByte(((Number) value).byteValue());
    }
    if (type instanceof StringType && value instanceof String) {
      return Literal.ofString((String) value);
    }
    if (type instanceof DecimalType && value instanceof BigDecimal) {
      DecimalType d = (DecimalType) type;
      return Literal.ofDecimal(((BigDecimal) value).setScale(d.getScale(), RoundingMode.UNNECESSARY), d.getPrecision(),
          d.getScale());
    }
    return null;
  }
}

package io.junctionsql.planner.runtime.memory;

import org.apache.calcite.avatica.util.ByteString;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A cheap estimate of the heap a value keeps alive on a 64-bit JVM with compressed references: object
 * headers, a String's bytes (one a character, as compact strings hold Latin-1 text), a BigDecimal's
 * digits, the slots and elements of arrays, lists and maps. It never walks object graphs it does not know
 * (those count as one small object), and does not see sharing (an interned string counts every time).
 * An estimate to bound a query by, not a measurement.
 */
public final class RetainedSizes {
  static final long HEADER = 16;
  static final long REFERENCE = 4;
  /** Boxed numbers, booleans and characters: one header with the value inside. */
  static final long BOX = 16;

  /** The public fields of Calcite's generated row classes, found once per class. */
  private static final ClassValue<Field[]> ROW_FIELDS = new ClassValue<>() {
    @Override protected Field[] computeValue(Class<?> type) {
      List<Field> out = new ArrayList<>();
      for (Field f : type.getFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          out.add(f);
        }
      }
      return out.toArray(new Field[0]);
    }
  };

  private RetainedSizes() {
  }

  /** One row as an operator keeps it: an array, a list, a single value or one of Calcite's row classes. */
  public static long ofRow(Object row) {
    if (row == null || isValue(row) || row instanceof Object[] || row instanceof Collection || row instanceof Map) {
      return of(row);
    }
    long size = HEADER;
    for (Field f : ROW_FIELDS.get(row.getClass())) {
      if (f.getType().isPrimitive()) {
        size += 8;
        continue;
      }
      size += REFERENCE;
      try {
        size += of(f.get(row));
      } catch (IllegalAccessException e) {
        size += HEADER;
      }
    }
    return size;
  }

  /** One value. */
  public static long of(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof String s) {
      return 40 + s.length(); // String object (24) + byte[] header (16) + one byte a Latin-1 character
    }
    if (v instanceof BigDecimal d) {
      // A small unscaled value lives inside the BigDecimal; a large one in a BigInteger with an int[].
      return d.precision() <= 18 ? 40 : 40 + ofBigInteger(d.unscaledValue());
    }
    if (v instanceof BigInteger i) {
      return ofBigInteger(i);
    }
    if (v instanceof Number || v instanceof Boolean || v instanceof Character) {
      return BOX;
    }
    if (v instanceof Date || v instanceof Temporal) {
      return 24;
    }
    if (v instanceof byte[] b) {
      return HEADER + b.length;
    }
    if (v instanceof ByteString b) {
      return 32 + b.length();
    }
    if (v instanceof Object[] a) {
      long size = HEADER + REFERENCE * a.length;
      for (Object e : a) {
        size += of(e);
      }
      return size;
    }
    if (v instanceof Collection<?> c) {
      long size = 40 + REFERENCE * c.size(); // an ArrayList and its array
      for (Object e : c) {
        size += of(e);
      }
      return size;
    }
    if (v instanceof Map<?, ?> m) {
      long size = 48 + 36L * m.size(); // a HashMap, its table and one node an entry
      for (Map.Entry<?, ?> e : m.entrySet()) {
        size += of(e.getKey()) + of(e.getValue());
      }
      return size;
    }
    return HEADER;
  }

  private static long ofBigInteger(BigInteger i) {
    return 40 + HEADER + (i.bitLength() + 31) / 32 * 4L;
  }

  private static boolean isValue(Object v) {
    return v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Character
        || v instanceof Date || v instanceof Temporal || v instanceof byte[] || v instanceof ByteString;
  }
}

package io.junctionsql.planner.source.delta;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;

import org.apache.calcite.avatica.util.ByteString;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.TimeZone;

/**
 * Reads one column of a Kernel batch into the value Calcite's runtime expects for its SQL type. The
 * reader is chosen once per column, so the per-row work is one virtual call and no type switch.
 */
@FunctionalInterface
interface ColumnReader {
  JsonFactory JSON = new JsonFactory();

  /** The value at {@code row}; the caller has checked it is not null. */
  Object read(ColumnVector vector, int row);

  static ColumnReader of(DataType t, TimeZone zone) {
    if (t instanceof BooleanType) {
      return ColumnVector::getBoolean;
    } else if (t instanceof ByteType) {
      return ColumnVector::getByte;
    } else if (t instanceof ShortType) {
      return ColumnVector::getShort;
    } else if (t instanceof IntegerType || t instanceof DateType) {
      // A DATE is its days since 1970-01-01 in Kernel and in Calcite alike.
      return ColumnVector::getInt;
    } else if (t instanceof LongType) {
      return ColumnVector::getLong;
    } else if (t instanceof FloatType) {
      return ColumnVector::getFloat;
    } else if (t instanceof DoubleType) {
      return ColumnVector::getDouble;
    } else if (t instanceof DecimalType) {
      return ColumnVector::getDecimal;
    } else if (t instanceof StringType) {
      return ColumnVector::getString;
    } else if (t instanceof BinaryType) {
      return (v, r) -> new ByteString(v.getBinary(r));
    } else if (t instanceof TimestampType) {
      // An instant, shown as the wall-clock time of the client's zone, as JDBC's getTimestamp does.
      return (v, r) -> {
        long millis = Math.floorDiv(v.getLong(r), 1000L);
        return millis + zone.getOffset(millis);
      };
    } else if (t instanceof TimestampNTZType) {
      return (v, r) -> Math.floorDiv(v.getLong(r), 1000L);
    }
    return (v, r) -> json(v, r, t);
  }

  /** Nested values as JSON text. */
  static String json(ColumnVector v, int row, DataType t) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, v, row, t);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, ColumnVector v, int row, DataType t) throws IOException {
    if (v.isNullAt(row)) {
      g.writeNull();
    } else if (t instanceof StructType) {
      g.writeStartObject();
      StructType s = (StructType) t;
      for (int i = 0; i < s.length(); i++) {
        StructField f = s.at(i);
        g.writeFieldName(f.getName());
        write(g, v.getChild(i), row, f.getDataType());
      }
      g.writeEndObject();
    } else if (t instanceof ArrayType) {
      ArrayValue a = v.getArray(row);
      g.writeStartArray();
      for (int i = 0; i < a.getSize(); i++) {
        write(g, a.getElements(), i, ((ArrayType) t).getElementType());
      }
      g.writeEndArray();
    } else if (t instanceof MapType) {
      MapValue m = v.getMap(row);
      MapType mt = (MapType) t;
      g.writeStartObject();
      for (int i = 0; i < m.getSize(); i++) {
        g.writeFieldName(String.valueOf(scalar(m.getKeys(), i, mt.getKeyType())));
        write(g, m.getValues(), i, mt.getValueType());
      }
      g.writeEndObject();
    } else {
      Object value = scalar(v, row, t);
      if (value instanceof Number) {
        g.writeNumber(value.toString());
      } else if (value instanceof Boolean) {
        g.writeBoolean((Boolean) value);
      } else {
        g.writeString(String.valueOf(value));
      }
    }
  }

  private static Object scalar(ColumnVector v, int row, DataType t) {
    if (v.isNullAt(row)) {
      return null;
    }
    if (t instanceof BinaryType) {
      return Base64.getEncoder().encodeToString(v.getBinary(row));
    } else if (t instanceof DateType) {
      return java.time.LocalDate.ofEpochDay(v.getInt(row)).toString();
    } else if (t instanceof TimestampType) {
      return java.time.Instant.EPOCH.plus(v.getLong(row), java.time.temporal.ChronoUnit.MICROS).toString();
    } else if (t instanceof TimestampNTZType) {
      return java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(v.getLong(row), 1_000_000L),
          (int) Math.floorMod(v.getLong(row), 1_000_000L) * 1000, java.time.ZoneOffset.UTC).toString();
    }
    return of(t, TimeZone.getTimeZone("UTC")).read(v, row);
  }
}

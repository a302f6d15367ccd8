package io.junctionsql.bench.tpch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a query returned, in a form two systems can be compared by: every row for a small result (numbers
 * as decimals, compared within a cent, since systems differ in the scale of an average), or, for a result of
 * millions of rows, a count and an order-independent fingerprint of rows with numbers rounded to the cent.
 */
public final class ResultDigest {
  /** Rows kept for a small result; more than this and the query should be marked large. */
  private static final int MAX_KEPT = 100_000;
  private static final BigDecimal CENT = new BigDecimal("0.01");

  private final List<List<Object>> rows;
  private final long count;
  private final long fingerprint;

  private ResultDigest(List<List<Object>> rows, long count, long fingerprint) {
    this.rows = rows;
    this.count = count;
    this.fingerprint = fingerprint;
  }

  public long rowCount() {
    return count;
  }

  /** Reads the whole result set. */
  public static ResultDigest read(ResultSet rs, boolean large) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    int[] kinds = new int[n];
    for (int i = 0; i < n; i++) {
      kinds[i] = md.getColumnType(i + 1);
    }
    List<List<Object>> kept = new ArrayList<>();
    long count = 0;
    long fingerprint = 0;
    MessageDigest md5 = md5();
    StringBuilder line = new StringBuilder();
    while (rs.next()) {
      count++;
      List<Object> row = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        row.add(value(rs, i + 1, kinds[i]));
      }
      if (large) {
        line.setLength(0);
        for (Object v : row) {
          line.append(v instanceof BigDecimal d ? d.setScale(2, RoundingMode.HALF_UP).toPlainString() : v).append('|');
        }
        byte[] h = md5.digest(line.toString().getBytes(StandardCharsets.UTF_8));
        long x = 0;
        for (int b = 0; b < 8; b++) {
          x = (x << 8) | (h[b] & 0xff);
        }
        fingerprint += x;
      } else if (kept.size() < MAX_KEPT) {
        kept.add(row);
      } else {
        throw new IllegalStateException("result larger than " + MAX_KEPT + " rows; mark the query large");
      }
    }
    return new ResultDigest(large ? List.of() : kept, count, fingerprint);
  }

  private static Object value(ResultSet rs, int column, int type) throws SQLException {
    Object v = switch (type) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
          Types.FLOAT, Types.DOUBLE -> rs.getBigDecimal(column);
      default -> rs.getString(column);
    };
    return rs.wasNull() ? null : v;
  }

  /** Why this result differs from the oracle's, or empty when it matches. */
  public Optional<String> differenceFrom(ResultDigest oracle) {
    if (count != oracle.count) {
      return Optional.of(count + " rows, oracle " + oracle.count);
    }
    if (fingerprint != oracle.fingerprint) {
      return Optional.of("same row count, different rows (fingerprint)");
    }
    for (int r = 0; r < rows.size(); r++) {
      List<Object> mine = rows.get(r);
      List<Object> theirs = oracle.rows.get(r);
      for (int c = 0; c < mine.size(); c++) {
        if (!same(mine.get(c), theirs.get(c))) {
          return Optional.of("row " + (r + 1) + " column " + (c + 1) + ": " + mine.get(c) + ", oracle " + theirs.get(c));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      BigDecimal tolerance = CENT.max(y.abs().multiply(new BigDecimal("1e-12")));
      return x.subtract(y).abs().compareTo(tolerance) <= 0;
    }
    return a == null ? b == null : a.equals(b);
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.junctionsql.bench.support;

import java.sql.SQLException;
import java.util.Locale;

/** How the reports write times, ratios and failures. */
public final class Figures {
  private Figures() {
  }

  /** Milliseconds without decimals, or "error" for a run that failed (NaN). */
  public static String ms(double ms) {
    return Double.isNaN(ms) ? "error" : String.format(Locale.ROOT, "%,.0f", ms);
  }

  /** a / b with two decimals, or a dash when either is missing or b is zero. */
  public static String ratio(double a, double b) {
    return b == 0 || Double.isNaN(a) || Double.isNaN(b) ? "–" : String.format(Locale.ROOT, "%.2f", a / b);
  }

  /** A failure in one line: the SQLState when there is one, and the message's first line. */
  public static String failure(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    return e instanceof SQLException se && se.getSQLState() != null ? se.getSQLState() + ": " + message : message;
  }
}

package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which snapshot a table name asks for, in Databricks' syntax: {@code "orders@v12"} is version 12,
 * {@code "orders@20240501120000000"} (yyyyMMddHHmmssSSS, UTC) or {@code "orders@2024-05-01T12:00:00Z"}
 * the version current at that instant; a plain name is the latest.
 *
 * @param version the version asked for, or -1
 * @param timestampMillis the instant asked for (UTC milliseconds), or -1
 */
record TimeTravel(long version, long timestampMillis) {
  static final TimeTravel LATEST = new TimeTravel(-1, -1);
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  /** Splits {@code name@spec} into the table name and the snapshot it asks for. */
  static Optional<Named> parse(String name) {
    int at = name.lastIndexOf('@');
    if (at <= 0) {
      return Optional.of(new Named(name, LATEST));
    }
    String base = name.substring(0, at);
    String spec = name.substring(at + 1);
    if (spec.matches("[vV]\\d+")) {
      return Optional.of(new Named(base, new TimeTravel(Long.parseLong(spec.substring(1)), -1)));
    }
    try {
      long millis = spec.matches("\\d{17}")
          ? LocalDateTime.parse(spec, COMPACT).toInstant(ZoneOffset.UTC).toEpochMilli()
          : Instant.parse(spec).toEpochMilli();
      return Optional.of(new Named(base, new TimeTravel(-1, millis)));
    } catch (DateTimeParseException e) {
      throw new JunctionException(SqlStates.SYNTAX_OR_ACCESS, "'" + name + "': after @ write v<version> "
          + "(orders@v12), yyyyMMddHHmmssSSS in UTC (orders@20240501120000000) or an ISO instant "
          + "(orders@2024-05-01T12:00:00Z).");
    }
  }

  boolean isLatest() {
    return version < 0 && timestampMillis < 0;
  }

  /**
   * A table name with the snapshot it asks for.
   *
   * @param table the name without the suffix
   * @param travel the snapshot
   */
  record Named(String table, TimeTravel travel) {
  }
}

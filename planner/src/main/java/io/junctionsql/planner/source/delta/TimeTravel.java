package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Which snapshot of a table a query reads: the latest, a version, or the version current at an instant.
 *
 * @param version the version asked for, or -1
 * @param timestampMillis the instant asked for (UTC milliseconds), or -1
 */
record TimeTravel(long version, long timestampMillis) {
  static final TimeTravel LATEST = new TimeTravel(-1, -1);
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  static TimeTravel version(long version) {
    if (version < 0) {
      throw new JunctionException(SqlStates.SYNTAX_OR_ACCESS, "a Delta version is 0 or more, not " + version + ".");
    }
    return new TimeTravel(version, -1);
  }

  /** An instant written in ISO-8601 ({@code 2024-05-01T12:00:00Z}) or as yyyyMMddHHmmssSSS in UTC. */
  static TimeTravel instant(String text) {
    String t = text.trim();
    try {
      long millis = t.matches("\\d{17}")
          ? LocalDateTime.parse(t, COMPACT).toInstant(ZoneOffset.UTC).toEpochMilli()
          : Instant.parse(t).toEpochMilli();
      return new TimeTravel(-1, millis);
    } catch (DateTimeParseException e) {
      throw new JunctionException(SqlStates.SYNTAX_OR_ACCESS, "'" + text + "' is not an instant; write it in "
          + "ISO-8601 with a zone, such as '2024-05-01T12:00:00Z', or as yyyyMMddHHmmssSSS in UTC.");
    }
  }

  boolean isLatest() {
    return version < 0 && timestampMillis < 0;
  }
}

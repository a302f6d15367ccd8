package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.source.SourceSession;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * The rows a source's own planner expects a statement to return: PostgreSQL's {@code EXPLAIN}, which knows
 * its column histograms and most common values where Calcite guesses a fixed share for a {@code LIKE} or an
 * {@code OR}. Asked only for the few statements whose row count decides which side of a join between
 * sources is read first, remembered per SQL text for ten minutes, and given up on after two seconds.
 *
 * <p>Asked on the service login, and so only for connections that read with it: for a user with a login of
 * their own, the service login's estimate of a filter could tell how many rows match in a table that user's
 * login may not read. A source that cannot be reached is not asked again for half a minute, so that planning
 * does not wait for its connect timeout on every statement.
 */
public final class SourceEstimates {
  private static final Logger LOG = LoggerFactory.getLogger(SourceEstimates.class);
  /** The estimate of a plan's top node, on the first line of PostgreSQL's text plan. */
  private static final Pattern ROWS = Pattern.compile("\\brows=(\\d+)\\b");
  private static final int TIMEOUT_SECONDS = 2;
  /** Stands for "asked, no answer" in the cache, which holds no empty optionals. */
  private static final double NONE = -1;
  private static final long UNREACHABLE_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final String sourceName;
  private final DataSource dataSource;
  private final Supplier<Boolean> explains;
  private final Predicate<SourceSession> readsAsService;
  /** When the source may be asked again after it could not be reached ({@link System#nanoTime()}); 0 if it may. */
  private volatile long pausedUntil;
  private final Cache<String, Double> cache = CacheBuilder.newBuilder().maximumSize(1_000)
      .expireAfterWrite(Duration.ofMinutes(10)).build();

  /**
   * @param dataSource the service login's connections (the estimate depends on the data, not on who asks)
   * @param explains whether the source is a database whose EXPLAIN this class reads; asked on first use, as
   *     the product is known only once the source has been reached
   * @param readsAsService whether a connection's queries read this source with the service login
   */
  SourceEstimates(String sourceName, DataSource dataSource, Supplier<Boolean> explains,
      Predicate<SourceSession> readsAsService) {
    this.sourceName = sourceName;
    this.dataSource = dataSource;
    this.explains = explains;
    this.readsAsService = readsAsService;
  }

  /** Whether {@link SourceInfo#productName()} names a database whose EXPLAIN this class reads. */
  static boolean explains(SourceInfo info) {
    return info.productName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  /**
   * The source's estimate of the rows {@code sql} returns, asking it unless asked recently; empty if it has none,
   * cannot be reached, or {@code session} reads with a login of its own.
   */
  public OptionalDouble rows(String sql, SourceSession session) {
    long paused = pausedUntil;
    if (paused != 0 && System.nanoTime() - paused < 0 || session == null || !readsAsService.test(session)
        || !explains()) {
      return OptionalDouble.empty();
    }
    Double known = cache.getIfPresent(sql);
    if (known == null) {
      known = explain(sql);
      if (known == null) {
        return OptionalDouble.empty();
      }
      cache.put(sql, known);
    }
    return known == NONE ? OptionalDouble.empty() : OptionalDouble.of(known);
  }

  /**
   * The estimate for {@code sql} if the source was asked for it recently, without asking, and {@code session}
   * would have been given it: for EXPLAIN.
   */
  public OptionalDouble known(String sql, SourceSession session) {
    if (session == null || !readsAsService.test(session)) {
      return OptionalDouble.empty();
    }
    Double known = cache.getIfPresent(sql);
    return known == null || known == NONE ? OptionalDouble.empty() : OptionalDouble.of(known);
  }

  private boolean explains() {
    try {
      return explains.get();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The estimate; {@link #NONE} if there is none; null if the source could not be reached (not remembered). */
  private Double explain(String sql) {
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      // Planning goes on with Calcite's estimate; the query itself will report a source that is down.
      LOG.debug("Source {}: no row estimate, not reachable ({})", sourceName, e.getMessage());
      pausedUntil = System.nanoTime() + UNREACHABLE_PAUSE_NANOS;
      return null;
    }
    try (c; Statement s = c.createStatement()) {
      s.setQueryTimeout(TIMEOUT_SECONDS);
      try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
        if (rs.next()) {
          Matcher m = ROWS.matcher(rs.getString(1));
          if (m.find()) {
            return Math.max(1, Double.parseDouble(m.group(1)));
          }
        }
      }
      LOG.debug("Source {}: EXPLAIN gave no row estimate", sourceName);
      return NONE;
    } catch (SQLException | RuntimeException e) {
      // Remembered like an answer: a statement PostgreSQL cannot plan within the timeout will not do better
      // on the next query, which should not wait for it again.
      LOG.debug("Source {}: no row estimate ({})", sourceName, e.getMessage());
      return NONE;
    }
  }
}

package io.junctionsql.planner.source.jdbc;

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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * The rows a source's own planner expects a statement to return: PostgreSQL's {@code EXPLAIN}, which knows
 * its column histograms and most common values where Calcite guesses a fixed share for a {@code LIKE} or an
 * {@code OR}. Asked only for the few statements whose row count decides which side of a join between
 * sources is read first, remembered per SQL text for ten minutes, and given up on after two seconds.
 */
public final class SourceEstimates {
  private static final Logger LOG = LoggerFactory.getLogger(SourceEstimates.class);
  /** The estimate of a plan's top node, on the first line of PostgreSQL's text plan. */
  private static final Pattern ROWS = Pattern.compile("\\brows=(\\d+)\\b");
  private static final int TIMEOUT_SECONDS = 2;
  /** Stands for "asked, no answer" in the cache, which holds no empty optionals. */
  private static final double NONE = -1;

  /** A source whose planner Junction does not ask. */
  public static final SourceEstimates NONE_KNOWN = new SourceEstimates("", null, () -> false);

  private final String sourceName;
  private final DataSource dataSource;
  private final Supplier<Boolean> explains;
  private final Cache<String, Double> cache = CacheBuilder.newBuilder().maximumSize(1_000)
      .expireAfterWrite(Duration.ofMinutes(10)).build();

  /**
   * @param dataSource the service login's connections (the estimate depends on the data, not on who asks)
   * @param explains whether the source is a database whose EXPLAIN this class reads; asked on first use, as
   *     the product is known only once the source has been reached
   */
  SourceEstimates(String sourceName, DataSource dataSource, Supplier<Boolean> explains) {
    this.sourceName = sourceName;
    this.dataSource = dataSource;
    this.explains = explains;
  }

  /** Whether {@link SourceInfo#productName()} names a database whose EXPLAIN this class reads. */
  static boolean explains(SourceInfo info) {
    return info.productName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  /** The source's estimate of the rows {@code sql} returns, asking it unless asked recently; empty if it has none. */
  public OptionalDouble rows(String sql) {
    if (!explains.get()) {
      return OptionalDouble.empty();
    }
    Double known = cache.getIfPresent(sql);
    if (known == null) {
      known = explain(sql);
      cache.put(sql, known);
    }
    return known == NONE ? OptionalDouble.empty() : OptionalDouble.of(known);
  }

  /** The estimate for {@code sql} if the source was asked for it recently, without asking: for EXPLAIN. */
  public OptionalDouble known(String sql) {
    Double known = cache.getIfPresent(sql);
    return known == null || known == NONE ? OptionalDouble.empty() : OptionalDouble.of(known);
  }

  private double explain(String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
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
    } catch (SQLException | RuntimeException e) {
      // Planning goes on with Calcite's estimate; the query itself will report a source that is down.
      LOG.debug("Source {}: no row estimate ({})", sourceName, e.getMessage());
    }
    return NONE;
  }
}

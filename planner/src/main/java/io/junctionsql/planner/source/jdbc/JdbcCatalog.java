package io.junctionsql.planner.source.jdbc;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;

import io.junctionsql.planner.source.SourceSession;

import org.apache.calcite.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;

/**
 * The source's schemas, tables, columns, keys and row counts, read lazily by the source's
 * {@link MetadataReader} and kept for {@code metadata-cache-ttl}. Shared by all connections.
 * With a ttl of zero they are read once per statement: pinned in the connection's session, since
 * planning asks for a table's columns and row count many times over.
 *
 * <p>A table whose row count could not be read (a warehouse still starting, a view too slow to count) is planned
 * as large and read again after a minute, then after two, four and so on up to the ttl: a count that timed out
 * once does not mislead the planner for the whole ttl, and one that always times out does not slow every plan.
 */
final class JdbcCatalog {
  static final Duration FIRST_COUNT_RETRY = Duration.ofMinutes(1);

  private final JdbcSource source;
  private final MetadataReader reader;
  private final Cache<String, Object> cache;
  private final boolean pinPerStatement;
  /** Tables whose count failed, kept apart from {@link #cache} until their next try. */
  private final Map<String, GuessedCount> guessedCounts = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;

  JdbcCatalog(JdbcSource source, MetadataReader reader) {
    this(source, reader, System::nanoTime);
  }

  /** With the clock that decides when a failed count is tried again, in nanoseconds. */
  JdbcCatalog(JdbcSource source, MetadataReader reader, LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.source = source;
    this.reader = reader;
    this.pinPerStatement = source.config().metadataCacheTtl().isZero();
    this.cache = CacheBuilder.newBuilder()
        .expireAfterWrite(source.config().metadataCacheTtl())
        .maximumSize(source.config().metadataCacheTtl().isZero() ? 0 : 100_000)
        .build();
  }

  /** The schemas users see, in the source's spelling. */
  List<String> schemaNames(SourceSession session) {
    return cached(session, "schemas", () -> {
      List<String> configured = source.config().schemas();
      return configured.isEmpty() ? withConnection(c -> reader.schemaNames(c, source.info()))
          : List.copyOf(configured);
    });
  }

  /** The tables and views of one schema, by name, with their kind. */
  Map<String, Schema.TableType> tableNames(String schema, SourceSession session) {
    return cached(session, "tables:" + schema, () -> withConnection(c -> reader.tableNames(c, source.info(), schema)));
  }

  Optional<TableMetadata> table(String schema, String table, SourceSession session) {
    Schema.TableType type = tableNames(schema, session).get(table);
    if (type == null) {
      return Optional.empty();
    }
    String key = "table:" + schema + "." + table;
    GuessedCount guessed = pinPerStatement ? null : guessedCounts.get(key);
    if (guessed != null && nanoClock.getAsLong() - guessed.retryAt < 0) {
      return Optional.of(guessed.metadata);
    }
    TableMetadata metadata = cached(session, key, () -> withConnection(c ->
        reader.table(c, source.info(), schema, table, type)));
    if (!pinPerStatement) {
      if (metadata.rowCountGuessed()) {
        cache.invalidate(key);
        int failures = guessed == null ? 1 : guessed.failures + 1;
        guessedCounts.put(key, new GuessedCount(metadata, failures,
            nanoClock.getAsLong() + retryDelay(failures).toNanos()));
      } else if (guessed != null) {
        guessedCounts.remove(key);
      }
    }
    return Optional.of(metadata);
  }

  /** How long a table whose count failed {@code failures} times in a row waits for its next count. */
  Duration retryDelay(int failures) {
    Duration ttl = source.config().metadataCacheTtl();
    Duration delay = FIRST_COUNT_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
    return delay.compareTo(ttl) < 0 ? delay : ttl;
  }

  /** Metadata whose row count is a stand-in, and when to try counting again. */
  private record GuessedCount(TableMetadata metadata, int failures, long retryAt) {
  }

  private <T> T cached(SourceSession session, String key, Callable<T> loader) {
    if (pinPerStatement) {
      return session.pin("jdbc-catalog:" + source.name() + ":" + key, () -> load(key, loader));
    }
    return load(key, loader);
  }

  @SuppressWarnings("unchecked")
  private <T> T load(String key, Callable<T> loader) {
    try {
      return (T) cache.get(key, loader);
    } catch (ExecutionException | UncheckedExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  private <T> T withConnection(Read<T> read) {
    try (Connection c = source.metadataDataSource().getConnection()) {
      return read.read(c);
    } catch (SQLException e) {
      throw new SourceFailure(e);
    }
  }

  /** Reads something from the source's catalog. */
  @FunctionalInterface
  private interface Read<T> {
    T read(Connection c) throws SQLException;
  }
}

package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.source.Source;
import io.junctionsql.planner.source.SourceSession;

import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.TableNotFoundException;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;

import org.apache.calcite.schema.Schema;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * A folder of Delta tables, read through Delta Kernel. Owns the Kernel engine, the table list and the
 * latest snapshot of each table (both kept for {@code metadata-cache-ttl}), and the log statistics of
 * each snapshot version (kept while the version is recent).
 */
public final class DeltaSource implements Source {
  private static final int STATS_CACHE_SIZE = 1000;

  private final DeltaSourceConfig config;
  private final Configuration hadoop;
  private final Engine engine;
  private final Cache<String, Object> metadata;
  private final Cache<String, DeltaTableStats> stats;

  DeltaSource(DeltaSourceConfig config) {
    HadoopLogin.ensure();
    this.config = config;
    this.hadoop = new Configuration();
    config.hadoop().forEach(hadoop::set);
    this.engine = DefaultEngine.create(hadoop);
    this.metadata = CacheBuilder.newBuilder().expireAfterWrite(config.metadataCacheTtl())
        .maximumSize(config.metadataCacheTtl().isZero() ? 0 : 100_000).build();
    this.stats = CacheBuilder.newBuilder().maximumSize(STATS_CACHE_SIZE).build();
  }

  @Override public String name() {
    return config.name();
  }

  @Override public String kind() {
    return config.kind();
  }

  Engine engine() {
    return engine;
  }

  @Override public Schema schema(SourceSession session) {
    return new DeltaSourceSchema(this, session);
  }

  @Override public String describe() {
    return "Delta Kernel, " + (config.location() != null ? config.location() : config.tables().size() + " tables");
  }

  @Override public void check() throws IOException {
    // Listing again (not from the cache) proves the folder or object store answers with these credentials.
    if (config.location() != null) {
      DeltaDiscovery.discover(config, hadoop);
      return;
    }
    for (String location : config.tables().values()) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
      if (!path.getFileSystem(hadoop).exists(path)) {
        throw new IOException("table folder " + location + " does not exist");
      }
    }
  }

  /** Every table of the source. */
  @SuppressWarnings("unchecked")
  List<DeltaTableLocation> tables() {
    return (List<DeltaTableLocation>) cached("tables", () -> {
      try {
        return List.copyOf(DeltaDiscovery.discover(config, hadoop));
      } catch (IOException e) {
        throw failure("cannot list the tables under " + config.location() + " (" + e.getMessage()
            + "). Check sources." + config.name() + ".location and that Junction may read it.", e);
      }
    });
  }

  /** The newest snapshot of a table, as of at most {@code metadata-cache-ttl} ago. */
  Snapshot latest(DeltaTableLocation table) {
    return (Snapshot) cached("latest:" + table.path(), () -> kernel(table, () ->
        Table.forPath(engine, table.path()).getLatestSnapshot(engine)));
  }

  Snapshot atVersion(DeltaTableLocation table, long version) {
    return kernel(table, () -> Table.forPath(engine, table.path()).getSnapshotAsOfVersion(engine, version));
  }

  Snapshot atTimestamp(DeltaTableLocation table, long millisSinceEpochUtc) {
    return kernel(table, () -> Table.forPath(engine, table.path()).getSnapshotAsOfTimestamp(engine,
        millisSinceEpochUtc));
  }

  DeltaTableStats stats(DeltaTableLocation table, Snapshot snapshot) {
    try {
      return stats.get(table.path() + "@" + snapshot.getVersion(), () -> kernel(table,
          () -> DeltaTableStats.read(engine, snapshot)));
    } catch (ExecutionException | UncheckedExecutionException e) {
      throw unwrap(e);
    }
  }

  /** Runs a Kernel call, turning its failures into messages that name the source and the table. */
  <T> T kernel(DeltaTableLocation table, Callable<T> call) {
    try {
      return call.call();
    } catch (TableNotFoundException e) {
      throw failure("table " + table.schema() + "." + table.name() + " has no Delta log at " + table.path()
          + ". Check the path, or remove it from the config.", e);
    } catch (KernelException e) {
      throw failure("Delta Kernel cannot read table " + table.schema() + "." + table.name() + ": "
          + e.getMessage(), e);
    } catch (JunctionException e) {
      throw e;
    } catch (Exception e) {
      throw failure("reading table " + table.schema() + "." + table.name() + " failed: " + e, e);
    }
  }

  JunctionException failure(String message, Throwable cause) {
    return new JunctionException(SqlStates.IO_ERROR, "Source '" + config.name() + "': " + message, cause);
  }

  private Object cached(String key, Callable<Object> loader) {
    try {
      return metadata.get(key, loader);
    } catch (ExecutionException | UncheckedExecutionException e) {
      throw unwrap(e);
    }
  }

  private static RuntimeException unwrap(Exception e) {
    Throwable cause = e.getCause();
    return cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
  }

  @Override public void close() {
    metadata.invalidateAll();
    stats.invalidateAll();
  }
}

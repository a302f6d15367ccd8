package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigNode;
import io.junctionsql.planner.config.Secret;
import io.junctionsql.planner.config.SourceConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of a {@code kind: delta} source.
 *
 * @param name the source's name
 * @param location a folder URI below which every folder holding a {@code _delta_log} is a table
 *     ({@code file:}, or {@code s3a://} / {@code abfss://} with the Hadoop file system on the class path)
 * @param tables explicit tables, {@code [schema.]table} to location; used with or instead of {@code location}
 * @param hadoop Hadoop configuration entries (credentials, endpoints) for the file system
 * @param metadataCacheTtl how long the table list and the latest snapshot of each table are kept
 */
public record DeltaSourceConfig(String name, String location, Map<String, String> tables,
    Map<String, String> hadoop, Duration metadataCacheTtl) implements SourceConfig {

  static final List<String> KEYS = List.of("kind", "location", "tables", "hadoop", "metadata-cache-ttl");
  public static final Duration DEFAULT_METADATA_CACHE_TTL = Duration.ofSeconds(30);
  /** Tables directly below the location, and explicit tables named without a schema, live here. */
  public static final String DEFAULT_SCHEMA = "default";

  static DeltaSourceConfig parse(String name, ConfigNode node) {
    node.allowOnly(KEYS, "a delta source");
    String location = node.optionalString("location").orElse(null);
    Map<String, String> tables = node.child("tables").stringMap();
    if (location == null && tables.isEmpty()) {
      throw new ConfigException(node.path() + ": a delta source needs 'location:' (a folder of tables) or "
          + "'tables:' (names to table folders), or both.");
    }
    for (Map.Entry<String, String> e : tables.entrySet()) {
      if (e.getKey().split("\\.").length > 2) {
        throw new ConfigException(node.pathOf("tables") + "." + e.getKey() + ": name a table as table or "
            + "schema.table.");
      }
    }
    return new DeltaSourceConfig(name, location, new LinkedHashMap<>(tables), node.child("hadoop").stringMap(),
        node.duration("metadata-cache-ttl", DEFAULT_METADATA_CACHE_TTL));
  }

  @Override public String kind() {
    return "delta";
  }

  @Override public List<Secret> secrets() {
    // Hadoop entries carry cloud keys; treat every value as secret so that none reaches a message.
    return hadoop.values().stream().map(Secret::of).toList();
  }
}

package io.junctionsql.planner.source.delta;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the tables of a Delta source: every folder below the location that holds a
 * {@code _delta_log} is a table, named by its folder; the folders in between name its schema
 * (joined with dots when deeper than one); tables directly below the location are in
 * {@code default}. Explicit tables from the config are added as they are.
 */
final class DeltaDiscovery {
  /** Deeper folders are not searched; lakes nest tables a level or two down. */
  static final int MAX_DEPTH = 4;

  private DeltaDiscovery() {
  }

  static List<DeltaTableLocation> discover(DeltaSourceConfig config, Configuration hadoop) throws IOException {
    List<DeltaTableLocation> out = new ArrayList<>();
    if (config.location() != null) {
      Path root = new Path(config.location());
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root)) {
        throw new FileNotFoundException("the location " + config.location() + " does not exist");
      }
      walk(fs, root, new ArrayList<>(), out);
    }
    for (Map.Entry<String, String> e : config.tables().entrySet()) {
      String[] parts = e.getKey().split("\\.");
      String schema = parts.length == 2 ? parts[0] : DeltaSourceConfig.DEFAULT_SCHEMA;
      out.add(new DeltaTableLocation(schema, parts[parts.length - 1], e.getValue()));
    }
    return out;
  }

  private static void walk(FileSystem fs, Path dir, List<String> names, List<DeltaTableLocation> out)
      throws IOException {
    if (names.size() >= MAX_DEPTH) {
      return;
    }
    for (FileStatus child : fs.listStatus(dir)) {
      String name = child.getPath().getName();
      if (!child.isDirectory() || name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      if (fs.exists(new Path(child.getPath(), "_delta_log"))) {
        String schema = names.isEmpty() ? DeltaSourceConfig.DEFAULT_SCHEMA : String.join(".", names);
        out.add(new DeltaTableLocation(schema, name, child.getPath().toString()));
      } else {
        List<String> deeper = new ArrayList<>(names);
        deeper.add(name);
        walk(fs, child.getPath(), deeper, out);
      }
    }
  }
}

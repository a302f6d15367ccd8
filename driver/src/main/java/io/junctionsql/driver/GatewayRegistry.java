package io.junctionsql.driver;

import io.junctionsql.planner.Gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One gateway per config file, shared by all connections that name it, so that they share source
 * pools and metadata caches. A changed file opens a new gateway for new connections; the old one closes
 * when its last connection does.
 */
final class GatewayRegistry {
  private final Map<Path, Entry> current = new HashMap<>();

  /** A gateway and the connections using it. */
  static final class Entry {
    final Gateway gateway;
    final String stamp;
    private int users;
    private boolean retired;

    Entry(Gateway gateway, String stamp) {
      this.gateway = gateway;
      this.stamp = stamp;
    }
  }

  synchronized Entry acquire(Path configFile) {
    Path key = configFile.toAbsolutePath().normalize();
    String stamp = stamp(key);
    Entry entry = current.get(key);
    if (entry == null || !entry.stamp.equals(stamp)) {
      Entry fresh = new Entry(Gateway.open(key), stamp);
      if (entry != null) {
        retire(entry);
      }
      current.put(key, fresh);
      entry = fresh;
    }
    entry.users++;
    return entry;
  }

  synchronized void release(Entry entry) {
    entry.users--;
    if (entry.retired && entry.users == 0) {
      entry.gateway.close();
    }
  }

  private static void retire(Entry entry) {
    entry.retired = true;
    if (entry.users == 0) {
      entry.gateway.close();
    }
  }

  private static String stamp(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
    } catch (IOException e) {
      // Missing or unreadable: Gateway.open reports it with a proper message.
      return "unreadable";
    }
  }
}

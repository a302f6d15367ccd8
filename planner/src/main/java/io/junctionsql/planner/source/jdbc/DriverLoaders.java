package io.junctionsql.planner.source.jdbc;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Class loaders for drivers given as jars. Their parent is the platform class loader, so a driver that
 * bundles its own Hadoop, Thrift or SLF4J (Hive's standalone driver does) sees only its own copies and
 * never Junction's. One loader per jar list, shared by the sources that name it.
 */
final class DriverLoaders {
  private static final Map<List<Path>, ClassLoader> LOADERS = new ConcurrentHashMap<>();

  private DriverLoaders() {
  }

  static ClassLoader isolated(List<Path> jars) {
    return LOADERS.computeIfAbsent(List.copyOf(jars), key -> {
      URL[] urls = new URL[key.size()];
      for (int i = 0; i < urls.length; i++) {
        try {
          urls[i] = key.get(i).toUri().toURL();
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException("not a jar path: " + key.get(i), e);
        }
      }
      return new URLClassLoader("junction-driver", urls, ClassLoader.getPlatformClassLoader());
    });
  }
}

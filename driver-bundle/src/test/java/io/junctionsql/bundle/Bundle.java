package io.junctionsql.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URISyntaxException;

/** Where the tests find the shaded jar (built by this module's package phase) and the logging jars. */
final class Bundle {
  private Bundle() {
  }

  static Path shadedJar() {
    Path jar = Path.of(System.getProperty("junction.shadedJar", "target/junction-jdbc.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the bundle tests run after package (mvn verify)");
    }
    return jar;
  }

  static Path slf4jApi() {
    return jarOf(org.slf4j.LoggerFactory.class);
  }

  static Path slf4jSimple() {
    return jarOf(org.slf4j.simple.SimpleLogger.class);
  }

  private static Path jarOf(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

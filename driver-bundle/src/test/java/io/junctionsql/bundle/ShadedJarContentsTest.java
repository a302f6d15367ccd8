package io.junctionsql.bundle;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the shaded jar holds: a library that joins the driver's dependencies later lands here unrelocated
 * unless someone decides otherwise, and this test makes that a decision (add a relocation in the pom, or
 * the package to the list below with the reason in the README).
 */
class ShadedJarContentsTest {
  /** Packages kept under their own names on purpose; the README's bundle section gives the reasons. */
  private static final List<String> UNRELOCATED = List.of(
      "io/junctionsql/",          // Junction itself (the shaded libraries live below io/junctionsql/shaded/)
      "org/apache/hadoop/",       // Hadoop finds classes by the names in its XML defaults and configs
      "org/postgresql/", "org/h2/", "com/databricks/", // source drivers, named by URL and class name
      "org/xerial/snappy/", "com/github/luben/zstd/",   // JNI: the native code is bound to these names
      "javax/", "jakarta/", "org/apache/http/", // standard APIs (hadoop-client-runtime brings some along)
      "org/joou/", "org/apiguardian/", "org/pentaho/", "google/protobuf/");

  static List<String> classes;
  static JarFile jar;

  @BeforeAll static void open() throws IOException {
    jar = new JarFile(Bundle.shadedJar().toFile());
    classes = new ArrayList<>();
    jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
        .map(n -> n.startsWith("META-INF/versions/") ? n.substring(n.indexOf('/', "META-INF/versions/".length()) + 1) : n)
        .forEach(classes::add);
  }

  @Test void everyThirdPartyClassIsRelocatedOrKeptOnPurpose() {
    assertThat(classes).hasSizeGreaterThan(50_000);
    assertThat(classes).filteredOn(n -> n.contains("/") && UNRELOCATED.stream().noneMatch(n::startsWith))
        .as("classes outside io/junctionsql/shaded and the deliberate list").isEmpty();
    assertThat(classes).contains("io/junctionsql/shaded/org/apache/calcite/jdbc/CalciteSchema.class",
        "io/junctionsql/shaded/com/google/common/collect/ImmutableList.class",
        "io/junctionsql/shaded/io/delta/kernel/Table.class",
        "io/junctionsql/shaded/org/codehaus/janino/ClassBodyEvaluator.class");
  }

  @Test void slf4jIsLeftToTheHost() {
    // Neither the API nor a binding: the cluster's SLF4J and its binding carry Junction's logs.
    assertThat(classes).noneMatch(n -> n.startsWith("org/slf4j/") || n.contains("/shaded/org/slf4j/"));
    assertThat(jar.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")).isNull();
  }

  @Test void registersJunctionsDriverAndTheBundledSourceDrivers() throws IOException {
    String drivers = new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(drivers).contains("io.junctionsql.driver.JunctionDriver", "org.postgresql.Driver", "org.h2.Driver");
    assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
  }
}

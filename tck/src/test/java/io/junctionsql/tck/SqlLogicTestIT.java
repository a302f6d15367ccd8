package io.junctionsql.tck;

import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;
import io.junctionsql.tck.slt.SqlLogicTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** SQLite's sqllogictest corpus through Junction; see {@link SqlLogicTest} for what runs and how. */
class SqlLogicTestIT {
  @TempDir Path dir;

  @Test void corpusMatchesTheKnownFailureList() throws Exception {
    try (PostgresDatabases databases = new PostgresDatabases()) {
      String url = databases.create("slt");
      Path config = GatewayFiles.write(dir, "slt.yaml", SqlLogicTest.gatewayYaml(url, PostgresDatabases.USER));
      new SqlLogicTest(url, PostgresDatabases.USER, config).runAndCheck();
    }
  }
}

package io.junctionsql.driver.datasphere;

import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.HanaEmulation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys and associations from a Datasphere space's CSN under a policy: a foreign key that starts at a hidden
 * column or leads to a denied table is not shown, a key with a masked column is no key, and the
 * semantics catalog lists no hidden column. DatasphereSemanticsIT shows the same catalog without a policy.
 */
class PolicySemanticsIT {
  private static HanaEmulation space;
  @TempDir static Path dir;
  private static Path config;

  @BeforeAll static void setUp() throws Exception {
    space = new HanaEmulation(true);
    Files.copy(PolicySemanticsIT.class.getResourceAsStream("/csn/sales_space.json"), dir.resolve("sales_space.json"));
    config = GatewayFiles.write(dir, "policy.yaml", "sources:\n" + space.sourceYaml("sap",
        "    semantics: sales_space.json\n")
        + "policies:\n"
        + "  - name: sales\n"
        + "    users: [ann]\n"
        + "    read: [\"sap.SALES_SPACE.*\"]\n"
        + "    deny: [\"sap.SALES_SPACE.Products\"]\n"
        + "    hide: [\"sap.SALES_SPACE.SalesOrders.CustomerID\"]\n"
        + "    mask:\n"
        + "      sap.SALES_SPACE.SalesOrders.Item: \"null\"\n");
  }

  @AfterAll static void tearDown() throws Exception {
    space.close();
  }

  @Test void keysAndAssociationsInvolvingWhatIsWithheldAreDropped() throws Exception {
    Properties user = new Properties();
    user.setProperty("user", "ann");
    try (Connection c = DriverManager.getConnection("jdbc:junction:config=" + config, user)) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(DatasphereSemanticsIT.column(md.getImportedKeys("sap", "SALES_SPACE", "SalesOrders"), "FK_NAME"))
          .as("_Customer starts at a hidden column, _Product leads to a denied table").isEmpty();
      assertThat(DatasphereSemanticsIT.column(md.getPrimaryKeys("sap", "SALES_SPACE", "SalesOrders"), "COLUMN_NAME"))
          .as("Item is masked, so SalesOrderID, Item is no longer a key").isEmpty();
      assertThat(DatasphereSemanticsIT.column(md.getPrimaryKeys("sap", "SALES_SPACE", "Customers"), "COLUMN_NAME"))
          .containsExactly("CustomerID");
      assertThat(DatasphereSemanticsIT.column(md.getTables("sap", "SALES_SPACE", "%", null), "TABLE_NAME"))
          .contains("SalesOrders", "Customers").doesNotContain("Products");
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COLUMN_NAME FROM"
          + " junction.semantics_columns WHERE TABLE_NAME = 'SalesOrders'")) {
        List<String> names = new ArrayList<>();
        while (rs.next()) {
          names.add(rs.getString(1));
        }
        assertThat(names).contains("SalesOrderID", "NetAmount").doesNotContain("CustomerID");
      }
    }
  }
}

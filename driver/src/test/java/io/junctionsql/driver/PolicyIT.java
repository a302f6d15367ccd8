package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;
import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.security.Identity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The policies of a gateway over PostgreSQL and Delta, attacked the ways a user could try: SELECT *, a
 * sub-query, a join, a WITH clause, a source-side view, time travel and the JDBC catalog. Permitted
 * answers are compared with the same query run on the oracle (PostgreSQL holding the same data) with the
 * policy's filter and masks written out by hand.
 */
class PolicyIT {
  /** Analysts see customers without segment and with names redacted, some orders without amounts, and events. */
  static final String POLICIES = "policies:\n"
      + "  - name: analysts\n"
      + "    users: [alice]\n"
      + "    groups: [analysts]\n"
      + "    read: [\"sap.master.*\", \"sap.sales.orders\", \"lake.marketing.*\"]\n"
      + "    deny: [\"sap.master.products\"]\n"
      + "    hide: [\"sap.master.customers.segment\", \"lake.marketing.events.payload\"]\n"
      + "    mask:\n"
      + "      sap.master.customers.name: redact\n"
      + "      sap.sales.orders.amount: \"null\"\n"
      + "      lake.marketing.events.channel: redact\n"
      + "      lake.marketing.events.cost: redact\n"
      + "    row_filters:\n"
      + "      sap.sales.orders: \"status = 'OPEN' OR customer_id = 7\"\n"
      + "      lake.marketing.events: \"customer_id < 100\"\n"
      + "  - name: owners\n"
      + "    groups: [sales]\n"
      + "    read: [\"sap.sales.order_owners\"]\n"
      + "    hide: [\"sap.sales.order_owners.order_id\"]\n"
      + "    row_filters:\n"
      + "      sap.sales.order_owners: \"owner = CURRENT_USER\"\n"
      + "  - name: lake-masked\n"
      + "    users: [erin]\n"
      + "    read: [\"lake.marketing.events\"]\n"
      + "    hide: [\"lake.marketing.events.payload\"]\n"
      + "    mask:\n"
      + "      lake.marketing.events.channel: redact\n"
      + "  - name: broken\n"
      + "    users: [mallory]\n"
      + "    read: [\"sap.sales.orders\", \"sap.master.customers\"]\n"
      + "    row_filters:\n"
      + "      sap.sales.orders: \"no_such_column = 1\"\n"
      + "  - name: everyone-else\n"
      + "    groups: [\"*\"]\n"
      + "    read: [\"crm.*.*\"]\n";

  static final String ORDERS_FILTER = " WHERE status = 'OPEN' OR customer_id = 7";
  static final String ORACLE_ORDERS = "SELECT order_id, customer_id, product_id, order_date, quantity,"
      + " NULL AS amount, currency, status FROM sales.orders" + ORDERS_FILTER;

  @TempDir static Path dir;
  private static FederatedData data;
  private static Path config;
  private static Path unrestricted;
  private static Connection oracle;
  private static Connection alice;

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData().withLake(dir);
    String extra = "CREATE TABLE sales.order_owners (order_id BIGINT PRIMARY KEY, owner VARCHAR(20));\n"
        + "INSERT INTO sales.order_owners SELECT order_id, CASE WHEN order_id % 3 = 0 THEN 'bob' ELSE 'carol' END"
        + " FROM sales.orders;\n";
    PostgresDatabases.run(data.sapUrl, extra
        + "CREATE TABLE sales.salaries (employee VARCHAR(20), salary NUMERIC(10,2));\n"
        + "INSERT INTO sales.salaries VALUES ('x', 100);\n"
        + "CREATE VIEW sales.customer_contacts AS SELECT customer_id, name, segment FROM master.customers;\n");
    PostgresDatabases.run(data.oracleUrl, extra);
    config = GatewayFiles.write(dir, "policies.yaml", data.gatewayYaml() + POLICIES);
    unrestricted = data.writeGateway(dir);
    oracle = PostgresDatabases.connect(data.oracleUrl);
    Properties user = new Properties();
    user.setProperty("user", "alice");
    alice = java.sql.DriverManager.getConnection("jdbc:junction:config=" + config, user);
  }

  @AfterAll static void tearDown() throws Exception {
    alice.close();
    oracle.close();
    data.close();
  }

  static Connection as(Path gateway, String user, String... groups) throws SQLException {
    return JunctionDriver.connect("jdbc:junction:config=" + gateway, new Properties(),
        new Identity(user, Set.of(groups)), SessionLimits.NONE);
  }

  static SQLException refused(Connection c, String sql, String state) {
    SQLException e = catchThrowableOfType(SQLException.class, () -> PolicyRows.of(c, sql));
    assertThat((Throwable) e).as("refused: " + sql).isNotNull();
    assertThat(e.getSQLState()).as(sql + " -> " + e.getMessage()).isEqualTo(state);
    return e;
  }

  static List<String> columns(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        out.add(rs.getMetaData().getColumnLabel(i).toLowerCase());
      }
      return out;
    }
  }

  @Test void aHiddenColumnDoesNotExistInAnyShapeOfQuery() throws Exception {
    assertThat(columns(alice, "SELECT * FROM sap.master.customers")).containsExactly("customer_id", "name", "country");
    assertThat(PolicyRows.of(alice, "SELECT * FROM sap.master.customers"))
        .isEqualTo(PolicyRows.of(oracle, "SELECT customer_id, '****', country FROM master.customers"));
    assertThat(columns(alice, "SELECT * FROM (SELECT * FROM sap.master.customers) x"))
        .containsExactly("customer_id", "name", "country");
    refused(alice, "SELECT segment FROM sap.master.customers", "42703");
    refused(alice, "SELECT x.segment FROM (SELECT * FROM sap.master.customers) x", "42703");
    refused(alice, "SELECT c.segment FROM sap.sales.orders o JOIN sap.master.customers c"
        + " ON o.customer_id = c.customer_id", "42703");
    refused(alice, "WITH c AS (SELECT * FROM sap.master.customers) SELECT segment FROM c", "42703");
    refused(alice, "SELECT COUNT(*) FROM sap.master.customers WHERE segment = 'SMB'", "42703");
    // The view over the same table, with the column, is not granted.
    refused(alice, "SELECT segment FROM sap.sales.customer_contacts", "42P01");
    try (Statement s = alice.createStatement()) {
      s.executeQuery("SELECT * FROM sap.master.customers").close();
      String sql = sql(s, "sap");
      assertThat(sql).as("the hidden column never leaves the source").doesNotContain("segment");
    }
  }

  @Test void aMaskedColumnShowsOnlyItsMaskWhateverTheQuery() throws Exception {
    assertThat(PolicyRows.of(alice, "SELECT DISTINCT name FROM sap.master.customers")).containsExactly("[****]");
    assertThat(PolicyRows.of(alice, "SELECT DISTINCT name FROM (SELECT * FROM sap.master.customers) x"))
        .containsExactly("[****]");
    assertThat(PolicyRows.of(alice, "SELECT DISTINCT c.name FROM sap.sales.orders o JOIN sap.master.customers c"
        + " ON o.customer_id = c.customer_id")).containsExactly("[****]");
    assertThat(PolicyRows.of(alice, "WITH c AS (SELECT name FROM sap.master.customers) SELECT DISTINCT name FROM c"))
        .containsExactly("[****]");
    // A filter on the masked column sees the mask, so it cannot probe the values.
    assertThat(PolicyRows.of(alice, "SELECT COUNT(*) FROM sap.master.customers WHERE name = 'Customer 1'"))
        .containsExactly("[0]");
    assertThat(PolicyRows.of(alice, "SELECT COUNT(*) FROM sap.master.customers WHERE name LIKE 'Customer%'"))
        .containsExactly("[0]");
    assertThat(PolicyRows.of(alice, "SELECT SUM(amount), COUNT(amount) FROM sap.sales.orders"))
        .containsExactly("[null, 0]");
    try (Statement s = alice.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sap.master.customers")) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.VARCHAR);
    }
    try (Statement s = alice.createStatement()) {
      s.executeQuery("SELECT amount, name FROM sap.sales.orders o JOIN sap.master.customers c"
          + " ON o.customer_id = c.customer_id").close();
      String sql = sql(s, "sap");
      // The source computes the masks itself: the real columns are never selected, only the masks' aliases.
      assertThat(sql).contains("'****' AS \"name\"").contains("CAST(NULL AS DECIMAL(15, 2)) AS \"amount\"");
      assertThat(sql.replace("AS \"amount\"", "").replace(".\"amount\"", "")
          .replace("AS \"name\"", "").replace(".\"name\"", ""))
          .as("masked values never leave the source").doesNotContain("\"amount\"").doesNotContain("\"name\"");
    }
  }

  @Test void aRowFilterHoldsInEveryShapeAndIsPushedToTheSource() throws Exception {
    assertThat(PolicyRows.of(alice, "SELECT * FROM sap.sales.orders")).isEqualTo(PolicyRows.of(oracle, ORACLE_ORDERS))
        .hasSizeGreaterThan(100);
    try (Statement s = alice.createStatement()) {
      s.executeQuery("SELECT order_id FROM sap.sales.orders").close();
      assertThat(sql(s, "sap")).contains("\"status\" = 'OPEN'").contains("\"customer_id\" = 7");
    }
    assertThat(PolicyRows.of(alice, "SELECT COUNT(*) FROM (SELECT * FROM sap.sales.orders) x"))
        .isEqualTo(PolicyRows.of(oracle, "SELECT COUNT(*) FROM sales.orders" + ORDERS_FILTER));
    assertThat(PolicyRows.of(alice, "SELECT COUNT(*) FROM sap.master.customers WHERE customer_id IN"
        + " (SELECT customer_id FROM sap.sales.orders WHERE status = 'BILLED')")).containsExactly("[1]");
    assertThat(PolicyRows.of(alice, "WITH o AS (SELECT * FROM sap.sales.orders) SELECT status, COUNT(*) FROM o GROUP BY status"))
        .isEqualTo(PolicyRows.of(oracle, "SELECT status, COUNT(*) FROM sales.orders" + ORDERS_FILTER + " GROUP BY status"));
    // A join within the source and one across sources: both sides filtered.
    assertThat(PolicyRows.of(alice, "SELECT c.country, COUNT(*) FROM sap.sales.orders o JOIN sap.master.customers c"
        + " ON o.customer_id = c.customer_id GROUP BY c.country"))
        .isEqualTo(PolicyRows.of(oracle, "SELECT c.country, COUNT(*) FROM sales.orders o JOIN master.customers c"
            + " ON o.customer_id = c.customer_id WHERE o.status = 'OPEN' OR o.customer_id = 7 GROUP BY c.country"));
    assertThat(PolicyRows.of(alice, "SELECT o.status, COUNT(*) FROM sap.sales.orders o JOIN lake.marketing.events e"
        + " ON e.customer_id = o.customer_id GROUP BY o.status"))
        .isEqualTo(PolicyRows.of(oracle, "SELECT o.status, COUNT(*) FROM sales.orders o JOIN marketing.events e"
            + " ON e.customer_id = o.customer_id WHERE (o.status = 'OPEN' OR o.customer_id = 7)"
            + " AND e.customer_id < 100 GROUP BY o.status"));
  }

  @Test void aForbiddenTableDoesNotExist() throws Exception {
    for (String sql : List.of("SELECT * FROM sap.master.products",
        "SELECT * FROM SAP.MASTER.PRODUCTS",
        "SELECT * FROM sap.master.customers WHERE customer_id IN (SELECT product_id FROM sap.master.products)",
        "SELECT * FROM sap.sales.orders o JOIN sap.master.products p ON o.product_id = p.product_id",
        "WITH p AS (SELECT * FROM sap.master.products) SELECT * FROM p",
        "SELECT * FROM sap.sales.salaries",
        "SELECT * FROM sap.sales.customer_contacts",
        "SELECT * FROM sap.sales.order_owners",
        "SELECT * FROM crm.marketing.campaign_events")) {
      SQLException e = refused(alice, sql, "42P01");
      assertThat(e.getMessage()).doesNotContain("policy");
    }
    // The same tables exist without policies: the refusals above come from the policy.
    try (Connection c = GatewayFiles.connect(unrestricted)) {
      assertThat(PolicyRows.of(c, "SELECT COUNT(*) FROM sap.sales.salaries")).containsExactly("[1]");
      assertThat(PolicyRows.of(c, "SELECT COUNT(*) FROM sap.master.products")).containsExactly("[50]");
    }
  }

  @Test void theCatalogShowsOnlyWhatMayBeRead() throws Exception {
    DatabaseMetaData md = alice.getMetaData();
    assertThat(names(md.getTables(null, "%", "%", null), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME"))
        .containsExactly("lake.marketing.events", "sap.master.countries", "sap.master.customers", "sap.sales.orders");
    assertThat(names(md.getCatalogs(), "TABLE_CAT")).containsExactly("lake", "sap");
    assertThat(names(md.getSchemas(), "TABLE_CATALOG", "TABLE_SCHEM"))
        .containsExactly("lake.marketing", "sap.master", "sap.sales");
    assertThat(names(md.getColumns(null, "%", "customers", "%"), "COLUMN_NAME"))
        .containsExactly("country", "customer_id", "name");
    assertThat(names(md.getColumns(null, "%", "%", "%"), "TABLE_NAME", "COLUMN_NAME"))
        .doesNotContain("customers.segment", "events.payload", "products.product_id", "salaries.salary")
        .contains("events.channel", "orders.amount");
    assertThat(names(md.getPrimaryKeys("sap", "master", "customers"), "COLUMN_NAME")).containsExactly("customer_id");
    assertThat(names(md.getPrimaryKeys("sap", "master", "products"), "COLUMN_NAME")).isEmpty();
    assertThat(PolicyRows.of(alice, "SELECT COUNT(*) FROM junction.columns WHERE COLUMN_NAME IN ('segment', 'payload')"))
        .containsExactly("[0]");
    // A key on a hidden column is not shown; without policies it is.
    try (Connection bob = as(config, "bob", "sales"); Connection all = GatewayFiles.connect(unrestricted)) {
      assertThat(names(bob.getMetaData().getPrimaryKeys("sap", "sales", "order_owners"), "COLUMN_NAME")).isEmpty();
      assertThat(names(bob.getMetaData().getColumns("sap", "%", "%", "%"), "COLUMN_NAME")).containsExactly("owner");
      assertThat(names(all.getMetaData().getPrimaryKeys("sap", "sales", "order_owners"), "COLUMN_NAME"))
          .containsExactly("order_id");
    }
  }

  @Test void aMaskedOrFilteredDeltaTableIsNeverServedRaw() throws Exception {
    String oracleEvents = "SELECT id, event_day, customer_id, '****', flag, tiny, small, score, NULL, amount"
        + " FROM marketing.events";
    try (Connection erin = as(config, "erin"); Statement s = erin.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT * FROM lake.marketing.events")) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          names.add(md.getColumnLabel(i));
        }
        assertThat(names).contains("channel").doesNotContain("payload");
        Set<String> channels = new TreeSet<>();
        int rows = 0;
        while (rs.next()) {
          channels.add(rs.getString("channel"));
          rows++;
        }
        assertThat(channels).containsExactly("****");
        assertThat(rows).isEqualTo(10_000);
      }
      // Columns the rule leaves alone still take the direct path.
      try (ResultSet rs = s.executeQuery("SELECT id, event_day FROM lake.marketing.events")) {
        assertThat(rs.isWrapperFor(ColumnarResultSet.class)).isTrue();
      }
    }
    assertThat(PolicyRows.of(alice, "SELECT id, event_day, customer_id, channel, flag, tiny, small, score, cost, amount"
        + " FROM lake.marketing.events"))
        .isEqualTo(PolicyRows.of(oracle, oracleEvents + " WHERE customer_id < 100"));
    assertThat(PolicyRows.of(alice, "SELECT id, event_day, customer_id, channel, flag, tiny, small, score, cost, amount"
        + " FROM TABLE(lake.marketing.at_version('events', 0))"))
        .as("time travel gets the same view").isEqualTo(PolicyRows.of(oracle, oracleEvents + " WHERE customer_id < 100"));
    refused(alice, "SELECT payload FROM TABLE(lake.marketing.at_version('events', 0))", "42703");
  }

  @Test void noRuleMeansNoTable() throws Exception {
    Path strict = GatewayFiles.write(dir, "strict.yaml", data.gatewayYaml()
        + POLICIES.substring(0, POLICIES.indexOf("  - name: everyone-else")));
    try (Connection nobody = as(strict, "zoe", "visitors"); Connection embedded = GatewayFiles.connect(strict)) {
      for (Connection c : List.of(nobody, embedded)) {
        assertThat(names(c.getMetaData().getTables(null, "%", "%", null), "TABLE_NAME")).isEmpty();
        assertThat(PolicyRows.of(c, "SELECT COUNT(*) FROM junction.tables")).containsExactly("[0]");
        refused(c, "SELECT * FROM crm.marketing.campaign_events", "42P01");
        refused(c, "SELECT * FROM sap.master.customers", "42P01");
      }
    }
    try (Connection zoe = as(config, "zoe")) {
      assertThat(names(zoe.getMetaData().getTables(null, "%", "%", null), "TABLE_CAT"))
          .as("the catch-all rule").containsOnly("crm").isNotEmpty();
    }
  }

  @Test void groupsMatchAndTheFirstMatchingRuleDecides() throws Exception {
    try (Connection dave = as(config, "dave", "analysts")) {
      assertThat(PolicyRows.of(dave, "SELECT COUNT(*) FROM sap.sales.orders"))
          .isEqualTo(PolicyRows.of(oracle, "SELECT COUNT(*) FROM sales.orders" + ORDERS_FILTER));
    }
    // In both groups: analysts comes first, so owners' table is not readable and its filter does not apply.
    try (Connection both = as(config, "bob", "sales", "analysts")) {
      refused(both, "SELECT * FROM sap.sales.order_owners", "42P01");
      assertThat(PolicyRows.of(both, "SELECT COUNT(*) FROM sap.sales.orders"))
          .isEqualTo(PolicyRows.of(oracle, "SELECT COUNT(*) FROM sales.orders" + ORDERS_FILTER));
    }
  }

  @Test void currentUserInARowFilterIsTheIdentity() throws Exception {
    for (String user : List.of("bob", "carol")) {
      try (Connection c = as(config, user, "sales")) {
        assertThat(PolicyRows.of(c, "SELECT owner, COUNT(*) FROM sap.sales.order_owners GROUP BY owner"))
            .isEqualTo(PolicyRows.of(oracle, "SELECT owner, COUNT(*) FROM sales.order_owners WHERE owner = '" + user
                + "' GROUP BY owner"))
            .hasSize(1);
      }
    }
  }

  @Test void aRowFilterOnAnUnknownColumnRefusesTheTable() throws Exception {
    try (Connection mallory = as(config, "mallory")) {
      SQLException e = refused(mallory, "SELECT COUNT(*) FROM sap.sales.orders", "42501");
      assertThat(e.getMessage()).contains("Policy 'broken'").contains("sap.sales.orders")
          .contains("no_such_column");
      refused(mallory, "SELECT COUNT(*) FROM sap.master.customers c JOIN sap.sales.orders o"
          + " ON o.customer_id = c.customer_id", "42501");
      assertThat(PolicyRows.of(mallory, "SELECT COUNT(*) FROM sap.master.customers")).containsExactly("[200]");
    }
  }

  private static String sql(Statement s, String source) throws SQLException {
    StringBuilder out = new StringBuilder();
    for (SourceQuery q : s.unwrap(JunctionStatement.class).sourceQueries()) {
      if (q.source().equals(source)) {
        out.append(q.sql()).append('\n');
      }
    }
    assertThat(out).as("source " + source + " received a query").isNotEmpty();
    return out.toString();
  }

  private static List<String> names(ResultSet rs, String... columns) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
          parts.add(rs.getString(c));
        }
        out.add(String.join(".", parts));
      }
    }
    out.sort(null);
    return out;
  }
}

package io.junctionsql.server.demo;

import io.junctionsql.planner.source.delta.write.DeltaTableWriter;

import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's data, built once in a local folder with embedded databases so that the demo needs only
 * Java: an SAP-shaped sales system (customers, products, sales orders with amounts in several
 * currencies) in an embedded database, and a lakehouse of marketing campaign events as a Delta table
 * partitioned by campaign. Each side sits behind its own source, so replacing the SAP side with the
 * Datasphere source later changes only the config this writes.
 */
public final class DemoDataSet {
  static final int CUSTOMERS = 500;
  static final int PRODUCTS = 120;
  static final int ORDERS = 20_000;
  static final int EVENTS = 30_000;
  static final String[] CAMPAIGNS = {"Spring Launch 2025", "Hannover Messe 2025", "Summer Webinar Series",
      "Year-End Promo 2025"};
  private static final String[] COUNTRIES = {"DE", "FR", "US", "JP", "GB", "IN", "BR"};
  private static final String[] INDUSTRIES = {"Automotive", "Chemicals", "Retail", "Utilities", "High Tech"};
  private static final String[] CATEGORIES = {"Pumps", "Valves", "Sensors", "Drives", "Services"};
  private static final String[] UNITS = {"PC", "PC", "PC", "KG", "H"};
  private static final String[][] CURRENCY_BY_COUNTRY = {
      {"DE", "EUR"}, {"FR", "EUR"}, {"US", "USD"}, {"JP", "JPY"}, {"GB", "GBP"}, {"IN", "USD"}, {"BR", "USD"}};
  private static final String[] CHANNELS = {"email", "web", "event", "social"};
  private static final String MARKER = "built.ok";
  /** The emulated Datasphere space, and the views it exposes for consumption (what its CSN describes). */
  static final String SPACE = "SALES";
  static final java.util.Map<String, String> VIEWS = java.util.Map.of(
      "Customers", "SELECT CUSTOMER_ID AS \"CustomerID\", NAME AS \"CustomerName\", COUNTRY AS \"Country\","
          + " CITY AS \"City\", INDUSTRY AS \"Industry\" FROM \"SALES$TEC\".CUSTOMERS",
      "Products", "SELECT PRODUCT_ID AS \"ProductID\", NAME AS \"ProductName\", CATEGORY AS \"Category\","
          + " BASE_UNIT AS \"BaseUnit\" FROM \"SALES$TEC\".PRODUCTS",
      "SalesOrders", "SELECT SALES_ORDER_ID AS \"SalesOrderID\", CUSTOMER_ID AS \"CustomerID\","
          + " PRODUCT_ID AS \"ProductID\", ORDER_DATE AS \"OrderDate\", QUANTITY AS \"Quantity\","
          + " NET_AMOUNT AS \"NetAmount\", CURRENCY AS \"Currency\" FROM \"SALES$TEC\".SALES_ORDERS");
  static final int EVENTS_PER_FILE = 2500;
  static final StructType EVENT_SCHEMA = new StructType()
      .add("event_id", LongType.LONG, false)
      .add("customer_id", StringType.STRING)
      .add("campaign", StringType.STRING)
      .add("channel", StringType.STRING)
      .add("event_time", TimestampType.TIMESTAMP)
      .add("cost_eur", DoubleType.DOUBLE);

  private final Path home;

  public DemoDataSet(Path home) {
    this.home = home.toAbsolutePath();
  }

  public Path home() {
    return home;
  }

  public Path configFile() {
    return home.resolve("junction.yaml");
  }

  public boolean isBuilt() {
    try {
      return Files.exists(configFile()) && Files.readString(home.resolve(MARKER)).contains("version 3");
    } catch (IOException e) {
      return false;
    }
  }

  /** Builds the data set unless it is already there; returns true if it built it now. */
  public boolean ensureBuilt() throws IOException, SQLException {
    if (isBuilt()) {
      return false;
    }
    Files.createDirectories(home);
    Files.deleteIfExists(home.resolve("sap.mv.db"));
    Files.deleteIfExists(home.resolve("sap.trace.db"));
    deleteTree(home.resolve("lake"));
    try (Connection sap = DriverManager.getConnection(url("sap"), "SALES#DEMO", "")) {
      buildSap(sap);
    }
    buildLake();
    try (var csn = DemoDataSet.class.getResourceAsStream("/demo/sales_space.json")) {
      Files.copy(csn, home.resolve("sales_space.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(configFile(), config());
    Files.writeString(home.resolve(MARKER), "demo data set version 3\n");
    return true;
  }

  String url(String db) {
    return "jdbc:h2:file:" + home.resolve(db) + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  String config() {
    return "# The demo gateway: an emulated Datasphere space and a real Delta lakehouse.\n"
        + "sources:\n"
        + "  sap:                      # a Datasphere space (emulated in H2: HANA's catalog views, no HANA)\n"
        + "    kind: datasphere\n"
        + "    url: \"" + url("sap") + "\"\n"
        + "    user: \"SALES#DEMO\"\n"
        + "    space: " + SPACE + "\n"
        + "    semantics: sales_space.json   # the space's CSN: keys, associations, measures, currencies\n"
        + "    semantics-mode: strict\n"
        + "  lake:                     # marketing campaign events as Delta tables, read through Delta Kernel\n"
        + "    kind: delta\n"
        + "    location: " + home.resolve("lake").toUri() + "\n";
  }

  private static void buildSap(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA \"SALES$TEC\"");
      s.execute("CREATE TABLE \"SALES$TEC\".CUSTOMERS (CUSTOMER_ID VARCHAR(10) PRIMARY KEY, NAME VARCHAR(80) NOT NULL,"
          + " COUNTRY CHAR(2) NOT NULL, CITY VARCHAR(40), INDUSTRY VARCHAR(30))");
      s.execute("CREATE TABLE \"SALES$TEC\".PRODUCTS (PRODUCT_ID VARCHAR(12) PRIMARY KEY, NAME VARCHAR(80) NOT NULL,"
          + " CATEGORY VARCHAR(30), BASE_UNIT VARCHAR(3))");
      s.execute("CREATE TABLE \"SALES$TEC\".SALES_ORDERS (SALES_ORDER_ID VARCHAR(10) PRIMARY KEY,"
          + " CUSTOMER_ID VARCHAR(10) NOT NULL, PRODUCT_ID VARCHAR(12) NOT NULL, ORDER_DATE DATE NOT NULL,"
          + " QUANTITY DECIMAL(13,3), NET_AMOUNT DECIMAL(15,2), CURRENCY CHAR(3) NOT NULL)");
    }
    Random r = new Random(2025);
    String[] countryOf = new String[CUSTOMERS + 1];
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"SALES$TEC\".CUSTOMERS VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= CUSTOMERS; i++) {
        countryOf[i] = COUNTRIES[r.nextInt(COUNTRIES.length)];
        ps.setString(1, customerId(i));
        ps.setString(2, "Customer " + i + (i % 50 == 0 ? " & Söhne GmbH" : i % 7 == 0 ? " Inc." : " AG"));
        ps.setString(3, countryOf[i]);
        ps.setString(4, "City " + (1 + r.nextInt(60)));
        ps.setString(5, INDUSTRIES[r.nextInt(INDUSTRIES.length)]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"SALES$TEC\".PRODUCTS VALUES (?, ?, ?, ?)")) {
      for (int i = 1; i <= PRODUCTS; i++) {
        int category = r.nextInt(CATEGORIES.length);
        ps.setString(1, "MAT-" + (1000 + i));
        ps.setString(2, CATEGORIES[category] + " model " + i);
        ps.setString(3, CATEGORIES[category]);
        ps.setString(4, UNITS[category]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"SALES$TEC\".SALES_ORDERS VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      LocalDate start = LocalDate.of(2024, 1, 1);
      for (int i = 1; i <= ORDERS; i++) {
        int customer = 1 + r.nextInt(CUSTOMERS);
        ps.setString(1, String.valueOf(4_000_000 + i));
        ps.setString(2, customerId(customer));
        ps.setString(3, "MAT-" + (1001 + r.nextInt(PRODUCTS)));
        ps.setDate(4, Date.valueOf(start.plusDays(r.nextInt(730))));
        ps.setBigDecimal(5, BigDecimal.valueOf(1 + r.nextInt(200)));
        BigDecimal amount = BigDecimal.valueOf(500 + r.nextInt(2_000_000), 2);
        String currency = currencyOf(countryOf[customer]);
        ps.setBigDecimal(6, currency.equals("JPY") ? amount.multiply(BigDecimal.valueOf(150)).setScale(0,
            java.math.RoundingMode.HALF_UP).setScale(2) : amount);
        ps.setString(7, currency);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
    DatasphereEmulation.publish(c, SPACE, VIEWS);
  }

  /** The lake's campaign events: generated the same way on every run. */
  public static List<Object[]> campaignEvents() {
    Random r = new Random(7);
    List<Object[]> rows = new ArrayList<>();
    Instant start = LocalDateTime.of(2025, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    for (int i = 1; i <= EVENTS; i++) {
      rows.add(new Object[] {(long) i, customerId(1 + r.nextInt(CUSTOMERS)), CAMPAIGNS[r.nextInt(CAMPAIGNS.length)],
          CHANNELS[r.nextInt(CHANNELS.length)], start.plusSeconds(60L * r.nextInt(525_600)),
          Math.round(r.nextDouble() * 500) / 100.0});
    }
    return rows;
  }

  /** Writes the events as a Delta table partitioned by campaign, with per-file statistics. */
  private void buildLake() {
    new DeltaTableWriter(lakeTable().toUri().toString(), EVENT_SCHEMA, List.of("campaign"))
        .append(campaignEvents(), EVENTS_PER_FILE);
  }

  Path lakeTable() {
    return home.resolve("lake").resolve("marketing").resolve("campaign_events");
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static String customerId(int i) {
    return String.format("%010d", 100_000 + i);
  }

  private static String currencyOf(String country) {
    for (String[] pair : CURRENCY_BY_COUNTRY) {
      if (pair[0].equals(country)) {
        return pair[1];
      }
    }
    return "EUR";
  }
}

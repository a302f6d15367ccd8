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
 *
 * <p>A scale factor multiplies customers, sales orders and campaign events (scale 1 is the demo's own
 * size; the benchmark's "demo at scale" uses more). Rows are generated from fixed seeds in one pass and
 * written as they come, in batches to the database and in chunks of files to Delta, so that a large scale
 * never holds its rows in memory at once.
 */
public final class DemoDataSet {
  static final int CUSTOMERS = 500;
  static final int PRODUCTS = 120;
  static final int ORDERS = 20_000;
  static final int EVENTS = 30_000;
  /** Sales orders per insert batch. */
  private static final int ROWS_PER_BATCH = 10_000;
  /** Events held in memory and appended to Delta in one commit; scale 1's 30,000 events make one commit. */
  private static final int EVENTS_PER_COMMIT_AT_SCALE_1 = EVENTS;
  /** From scale 10 up, commits and files stop growing: 300,000 events a commit, 25,000 a file. */
  private static final int MAX_CHUNK_GROWTH = 10;
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
  public static final String SPACE = "SALES";
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
  private final int scale;

  /** The demo's own size: what {@code junction demo} builds. */
  public DemoDataSet(Path home) {
    this(home, 1);
  }

  /**
   * @param scale multiplies customers, sales orders and campaign events (products stay at {@value #PRODUCTS})
   */
  public DemoDataSet(Path home, int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("the demo data set's scale must be at least 1, not " + scale);
    }
    this.home = home.toAbsolutePath();
    this.scale = scale;
  }

  public int scale() {
    return scale;
  }

  public int customers() {
    return CUSTOMERS * scale;
  }

  public int orders() {
    return ORDERS * scale;
  }

  public int events() {
    return EVENTS * scale;
  }

  public Path home() {
    return home;
  }

  public Path configFile() {
    return home.resolve("junction.yaml");
  }

  public boolean isBuilt() {
    try {
      String marker = Files.readString(home.resolve(MARKER));
      return Files.exists(configFile()) && marker.contains("version 3") && builtScale(marker) == scale;
    } catch (IOException e) {
      return false;
    }
  }

  /** The scale a marker records; markers written before scales existed are scale 1. */
  private static int builtScale(String marker) {
    return marker.lines().filter(l -> l.startsWith("scale ")).map(l -> Integer.parseInt(l.substring(6).trim()))
        .findFirst().orElse(1);
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
    try (Connection sap = openSap()) {
      buildSap(sap, customers(), orders());
    }
    buildLake();
    try (var csn = DemoDataSet.class.getResourceAsStream("/demo/sales_space.json")) {
      Files.copy(csn, home.resolve("sales_space.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(configFile(), config());
    Files.writeString(home.resolve(MARKER), "demo data set version 3\n" + (scale == 1 ? "" : "scale " + scale + "\n"));
    return true;
  }

  /**
   * The emulated space's database, as the Datasphere source reaches it: its views hold the rows Junction
   * reads (the benchmark copies them from here into its PostgreSQL oracle).
   */
  public Connection openSap() throws SQLException {
    return DriverManager.getConnection(url("sap"), "SALES#DEMO", "");
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

  private static void buildSap(Connection c, int customers, int orders) throws SQLException {
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
    String[] countryOf = new String[customers + 1];
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"SALES$TEC\".CUSTOMERS VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= customers; i++) {
        countryOf[i] = COUNTRIES[r.nextInt(COUNTRIES.length)];
        ps.setString(1, customerId(i));
        ps.setString(2, "Customer " + i + (i % 50 == 0 ? " & Söhne GmbH" : i % 7 == 0 ? " Inc." : " AG"));
        ps.setString(3, countryOf[i]);
        ps.setString(4, "City " + (1 + r.nextInt(60)));
        ps.setString(5, INDUSTRIES[r.nextInt(INDUSTRIES.length)]);
        addToBatch(ps, i);
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
      for (int i = 1; i <= orders; i++) {
        int customer = 1 + r.nextInt(customers);
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
        addToBatch(ps, i);
      }
      ps.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      // The orders' customer key is indexed, as in an SAP system: without it H2 answers a join of customers
      // with their aggregated orders (one row per customer, as a training set asks) by a scan per customer.
      s.execute("CREATE INDEX SALES_ORDERS_CUSTOMER ON \"SALES$TEC\".SALES_ORDERS (CUSTOMER_ID)");
      s.execute("ANALYZE");
    }
    DatasphereEmulation.publish(c, SPACE, VIEWS);
  }

  /** Adds a row to the batch, and sends the batch when it is full, so that no more than a batch is held. */
  private static void addToBatch(PreparedStatement ps, int row) throws SQLException {
    ps.addBatch();
    if (row % ROWS_PER_BATCH == 0) {
      ps.executeBatch();
    }
  }

  /** The lake's campaign events at scale 1: generated the same way on every run. */
  public static List<Object[]> campaignEvents() {
    List<Object[]> rows = new ArrayList<>();
    new EventGenerator(CUSTOMERS).next(EVENTS, rows);
    return rows;
  }

  /** The campaign events, one after the other from a fixed seed; a chunk at a time. */
  static final class EventGenerator {
    private final Random r = new Random(7);
    private final Instant start = LocalDateTime.of(2025, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    private final int customers;
    private long id;

    EventGenerator(int customers) {
      this.customers = customers;
    }

    /** Adds the next {@code n} events to {@code out}. */
    void next(int n, List<Object[]> out) {
      for (int i = 0; i < n; i++) {
        out.add(new Object[] {++id, customerId(1 + r.nextInt(customers)), CAMPAIGNS[r.nextInt(CAMPAIGNS.length)],
            CHANNELS[r.nextInt(CHANNELS.length)], start.plusSeconds(60L * r.nextInt(525_600)),
            Math.round(r.nextDouble() * 500) / 100.0});
      }
    }
  }

  /**
   * Writes the events as a Delta table partitioned by campaign, with per-file statistics: one commit at
   * scale 1, and at larger scales a commit per chunk, with files growing with the scale up to a limit.
   */
  private void buildLake() {
    DeltaTableWriter writer = new DeltaTableWriter(lakeTable().toUri().toString(), EVENT_SCHEMA, List.of("campaign"));
    int growth = Math.min(scale, MAX_CHUNK_GROWTH);
    int perCommit = EVENTS_PER_COMMIT_AT_SCALE_1 * growth;
    EventGenerator events = new EventGenerator(customers());
    List<Object[]> chunk = new ArrayList<>(Math.min(perCommit, events()));
    for (int written = 0; written < events(); written += chunk.size()) {
      chunk.clear();
      events.next(Math.min(perCommit, events() - written), chunk);
      writer.append(chunk, EVENTS_PER_FILE * growth);
    }
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

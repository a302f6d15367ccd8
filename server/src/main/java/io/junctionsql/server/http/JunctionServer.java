package io.junctionsql.server.http;

import io.junctionsql.driver.JunctionConnection;
import io.junctionsql.driver.JunctionDriver;
import io.junctionsql.driver.SessionLimits;
import io.junctionsql.planner.config.ConfigLoader;
import io.junctionsql.planner.config.GatewayConfig;
import io.junctionsql.planner.security.Identity;
import io.junctionsql.planner.source.SourceKinds;
import io.junctionsql.server.config.LimitsConfig;
import io.junctionsql.server.config.ServerConfig;
import io.junctionsql.server.meta.JunctionMeta;
import io.junctionsql.server.meta.QueryAdmission;
import io.junctionsql.server.ops.AuditLog;
import io.junctionsql.server.ops.BothEvents;
import io.junctionsql.server.ops.ServerMetrics;
import io.junctionsql.server.ops.SourceHealth;

import org.apache.calcite.avatica.jdbc.JdbcMeta.ConnectionCacheSettings;
import org.apache.calcite.avatica.jdbc.JdbcMeta.StatementCacheSettings;
import org.apache.calcite.avatica.remote.LocalService;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A running {@code junction serve}: the Avatica endpoint and the management endpoint on their own
 * ports, the Meta that opens one embedded Junction connection per client connection, and the pieces
 * operators see (metrics, audit log, readiness).
 */
public final class JunctionServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JunctionServer.class);
  private static final String AVATICA = "avatica";
  private static final String MANAGEMENT = "management";
  private static final long QUIET_MILLIS = 500;

  private final ServerConfig config;
  private final Server jetty;
  private final JunctionMeta meta;
  private final QueryAdmission admission;
  private final Connection healthConnection;
  private final ScheduledExecutorService housekeeping;
  private volatile boolean draining;
  private boolean closed;

  private JunctionServer(ServerConfig config, String url, Function<ServerConfig, RequestAuthenticator> auth)
      throws Exception {
    this.config = config;
    LimitsConfig limits = config.limits();
    this.admission = new QueryAdmission(limits.maxConcurrentQueries(), limits.maxConcurrentQueriesPerUser());
    Holder holder = new Holder();
    ServerMetrics metrics = new ServerMetrics(() -> holder.meta == null ? 0 : holder.meta.openConnections(),
        admission::running);
    this.meta = new JunctionMeta(url, cacheSettings(limits.idleConnectionTimeout()),
        new SessionLimits(limits.queryTimeout(), limits.maxRows()), limits.maxConnectionsPerUser(), admission,
        new BothEvents(metrics, new AuditLog()));
    holder.meta = meta;
    this.healthConnection = JunctionDriver.connect(url, new Properties(), new Identity("junction-readiness", Set.of()),
        SessionLimits.NONE);
    JunctionConnection checks = healthConnection.unwrap(JunctionConnection.class);
    SourceHealth health = new SourceHealth(checks::checkSources, Duration.ofSeconds(5), Duration.ofSeconds(8),
        Clock.systemUTC());

    LocalService service = new LocalService(meta);
    AvaticaEndpoint avatica = new AvaticaEndpoint(service, auth.apply(config), limits.maxRequestBytes(), metrics);
    ManagementEndpoint management = new ManagementEndpoint(health, metrics, () -> draining);

    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("junction-http");
    this.jetty = new Server(threads);
    jetty.addConnector(avaticaConnector());
    ServerConnector managementConnector = new ServerConnector(jetty);
    managementConnector.setName(MANAGEMENT);
    managementConnector.setHost(config.managementHost());
    managementConnector.setPort(config.managementPort());
    jetty.addConnector(managementConnector);

    ContextHandlerCollection contexts = new ContextHandlerCollection(
        bound(avatica, AVATICA), bound(management, MANAGEMENT));
    // The statistics handler lets a stop wait for requests in flight, up to the grace period.
    StatisticsHandler statistics = new StatisticsHandler();
    statistics.setHandler(contexts);
    jetty.setHandler(statistics);
    jetty.setStopTimeout(config.shutdownGrace().toMillis());
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "junction-housekeeping");
      t.setDaemon(true);
      return t;
    });
    long sweepMillis = Math.max(200, Math.min(60_000, limits.idleConnectionTimeout().toMillis() / 2));
    housekeeping.scheduleWithFixedDelay(meta::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
  }

  private static final class Holder {
    volatile JunctionMeta meta;
  }

  /** Reads the config file, and starts the server it describes. */
  public static JunctionServer start(Path configFile) throws Exception {
    Path base = configFile.toAbsolutePath().getParent();
    return start(configFile, config -> ConfiguredAuthentication.of(config.auth(), base));
  }

  /** Starts a server whose requests {@code auth} authenticates (tests stand in their own). */
  static JunctionServer start(Path configFile, Function<ServerConfig, RequestAuthenticator> auth)
      throws Exception {
    GatewayConfig gateway = new ConfigLoader(SourceKinds.parsers(), System.getenv()).load(configFile);
    ServerConfig config = ServerConfig.of(gateway);
    String url = JunctionDriver.PREFIX + "config=" + configFile.toAbsolutePath().normalize();
    JunctionServer server = new JunctionServer(config, url, auth);
    try {
      server.jetty.start();
    } catch (Exception e) {
      server.close();
      throw e;
    }
    LOG.info("event=started avatica_port={} management_port={} tls={}", server.port(), server.managementPort(),
        config.tls() != null);
    if (config.tls() == null && !config.behindProxy()) {
      LOG.warn("event=plain_http message=\"server.tls is not set: passwords and tokens cross the network in clear "
          + "text. Set server.tls, or terminate TLS in a proxy in front and set server.behind_proxy: true.\"");
    }
    return server;
  }

  private ServerConnector avaticaConnector() {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    if (config.behindProxy()) {
      // Only behind a proxy: a client reaching the port directly could claim any address otherwise.
      http.addCustomizer(new ForwardedRequestCustomizer());
    }
    ServerConnector connector;
    if (config.tls() == null) {
      connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    } else {
      http.addCustomizer(new SecureRequestCustomizer());
      connector = new ServerConnector(jetty, new SslConnectionFactory(TlsContexts.of(config.tls()), "http/1.1"),
          new HttpConnectionFactory(http));
    }
    connector.setName(AVATICA);
    connector.setHost(config.host());
    connector.setPort(config.port());
    return connector;
  }

  private static ContextHandler bound(org.eclipse.jetty.server.Handler handler, String connector) {
    ContextHandler context = new ContextHandler("/");
    context.setVirtualHosts(new String[] {"@" + connector});
    context.setAllowNullPathInfo(true);
    context.setHandler(handler);
    return context;
  }

  private static Properties cacheSettings(Duration idle) {
    Properties p = new Properties();
    long seconds = Math.max(1, idle.toSeconds());
    p.setProperty(ConnectionCacheSettings.EXPIRY_DURATION.key(), Long.toString(seconds));
    p.setProperty(ConnectionCacheSettings.EXPIRY_UNIT.key(), TimeUnit.SECONDS.name());
    p.setProperty(StatementCacheSettings.EXPIRY_DURATION.key(), Long.toString(seconds));
    p.setProperty(StatementCacheSettings.EXPIRY_UNIT.key(), TimeUnit.SECONDS.name());
    return p;
  }

  public ServerConfig config() {
    return config;
  }

  /** The Avatica port actually bound (the config may say 0 for any free port). */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  public int managementPort() {
    return ((ServerConnector) jetty.getConnectors()[1]).getLocalPort();
  }

  /** The JDBC URL a client uses, without credentials. */
  public String jdbcUrl(String serialization) {
    String scheme = config.tls() == null ? "http" : "https";
    return "jdbc:avatica:remote:url=" + scheme + "://127.0.0.1:" + port() + ";serialization=" + serialization;
  }

  /**
   * Waits until no query has run for a moment (a client between two fetches holds no request), or the
   * grace period ends.
   */
  private void awaitQuiet() {
    long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      if (admission.running() > 0) {
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Connections open now, over all users. */
  public long openConnections() {
    return meta.openConnections();
  }

  /**
   * Stops taking queries, waits up to the grace period for running ones, then closes every connection
   * and source.
   */
  @Override public synchronized void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    draining = true;
    meta.drain();
    LOG.info("event=draining running_queries={} grace_s={}", admission.running(), config.shutdownGrace().toSeconds());
    awaitQuiet();
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("event=stop_failed error={}", e.toString());
    }
    housekeeping.shutdownNow();
    meta.closeAll();
    healthConnection.close();
    LOG.info("event=stopped");
  }
}

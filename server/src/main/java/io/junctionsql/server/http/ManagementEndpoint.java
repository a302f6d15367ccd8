package io.junctionsql.server.http;

import io.junctionsql.server.ops.ServerMetrics;
import io.junctionsql.server.ops.SourceHealth;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The management endpoint, on its own port so that it is never exposed with the SQL endpoint:
 * {@code /health/live} (the process serves), {@code /health/ready} (it accepts queries and every source
 * answers) and {@code /metrics} (Prometheus).
 */
public final class ManagementEndpoint extends AbstractHandler {
  public static final String LIVE = "/health/live";
  public static final String READY = "/health/ready";
  public static final String METRICS = "/metrics";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SourceHealth health;
  private final ServerMetrics metrics;
  private final BooleanSupplier draining;

  public ManagementEndpoint(SourceHealth health, ServerMetrics metrics, BooleanSupplier draining) {
    this.health = health;
    this.metrics = metrics;
    this.draining = draining;
  }

  @Override public void handle(String target, Request base, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    base.setHandled(true);
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      AvaticaEndpoint.plain(response, 405, "Use GET.", Map.of("Allow", "GET"));
      return;
    }
    switch (target) {
    case LIVE:
      AvaticaEndpoint.plain(response, 200, "live", Map.of());
      return;
    case READY:
      ready(response);
      return;
    case METRICS:
      byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
      response.setStatus(200);
      response.setContentType("text/plain; version=0.0.4; charset=utf-8");
      response.setContentLength(text.length);
      response.getOutputStream().write(text);
      return;
    default:
      AvaticaEndpoint.plain(response, 404, "Unknown path. This port serves " + LIVE + ", " + READY + " and "
          + METRICS + ".", Map.of());
    }
  }

  private void ready(HttpServletResponse response) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    boolean ready;
    if (draining.getAsBoolean()) {
      ready = false;
      body.put("status", "draining");
    } else {
      Map<String, String> problems = health.problems();
      ready = problems.values().stream().allMatch(p -> p == null);
      body.put("status", ready ? "ready" : "source unreachable");
      Map<String, String> sources = new LinkedHashMap<>();
      problems.forEach((name, problem) -> sources.put(name, problem == null ? "ok" : problem));
      body.put("sources", sources);
    }
    byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
    response.setStatus(ready ? 200 : 503);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}

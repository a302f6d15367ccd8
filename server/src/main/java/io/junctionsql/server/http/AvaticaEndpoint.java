package io.junctionsql.server.http;

import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.security.Identity;
import io.junctionsql.server.meta.Caller;
import io.junctionsql.server.ops.ServerMetrics;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler.HandlerResponse;
import org.apache.calcite.avatica.remote.JsonHandler;
import org.apache.calcite.avatica.remote.JsonService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The Avatica endpoint: authenticates each request, bounds its size, and hands it to Avatica's JSON
 * or protobuf handler as the caller. One port serves both serializations: Avatica's client sends both as
 * {@code application/octet-stream}, so the body tells them apart (a JSON request is an object; a
 * protobuf {@code WireMessage} starts with field 1's tag, byte 0x0A).
 */
public final class AvaticaEndpoint extends AbstractHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AvaticaEndpoint.class);

  private final JsonHandler json;
  private final ProtobufHandler protobuf;
  private final RequestAuthenticator authenticator;
  private final int maxRequestBytes;
  private final ServerMetrics metrics;

  public AvaticaEndpoint(Service service, RequestAuthenticator authenticator, int maxRequestBytes,
      ServerMetrics metrics) {
    this.json = new JsonHandler(service, NoopMetricsSystem.getInstance());
    this.protobuf = new ProtobufHandler(service, new ProtobufTranslationImpl(), NoopMetricsSystem.getInstance());
    this.authenticator = authenticator;
    this.maxRequestBytes = maxRequestBytes;
    this.metrics = metrics;
  }

  @Override public void handle(String target, Request base, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    base.setHandled(true);
    if (!"POST".equals(request.getMethod())) {
      plain(response, 405, "This is a Junction Avatica endpoint: connect with "
          + "jdbc:avatica:remote:url=<this address>;serialization=protobuf", Map.of("Allow", "POST"));
      return;
    }
    Identity identity;
    try {
      identity = authenticator.authenticate(request.getHeader("Authorization"), request.getRemoteAddr());
    } catch (HttpRefusal refusal) {
      metrics.authenticationFailed(refusal.status());
      if (request.getHeader("Authorization") == null) {
        // The challenge is what makes a Basic client send its credentials.
        plain(response, refusal.status(), refusal.getMessage(), refusal.headers());
      } else {
        refuseAsAvatica(request, response, refusal);
      }
      return;
    }
    byte[] body;
    try {
      body = readBody(request);
    } catch (TooLarge e) {
      plain(response, 413, "The request is larger than " + maxRequestBytes + " bytes, the most this server accepts "
          + "(server.limits.max_request_bytes).", Map.of("Connection", "close"));
      return;
    }
    Caller caller = new Caller(identity, request.getRemoteAddr(), UUID.randomUUID().toString().substring(0, 8));
    HandlerResponse<?> answer;
    byte[] bytes;
    if (isJson(body)) {
      HandlerResponse<String> r = caller.run(() -> json.apply(new String(body, StandardCharsets.UTF_8)));
      answer = r;
      bytes = r.getResponse().getBytes(StandardCharsets.UTF_8);
      response.setContentType("application/json;charset=utf-8");
    } else {
      HandlerResponse<byte[]> r = caller.run(() -> protobuf.apply(body));
      answer = r;
      bytes = r.getResponse();
      response.setContentType("application/octet-stream");
    }
    if (answer.getStatusCode() >= 500) {
      LOG.debug("request {} from {} answered with status {}", caller.requestId(), caller.address(),
          answer.getStatusCode());
    }
    response.setStatus(answer.getStatusCode());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /**
   * Refuses credentials as an Avatica error, in the request's serialization. Avatica's client turns any
   * other status into "got HTTP/401" and drops the message; an error response reaches the user as an
   * SQLException with SQLState 28000 and the reason (an expired token, a wrong password, a login delay).
   */
  private static void refuseAsAvatica(HttpServletRequest request, HttpServletResponse response, HttpRefusal refusal)
      throws IOException {
    int first = firstByte(request.getInputStream());
    Service.ErrorResponse error = new Service.ErrorResponse(List.of(), refusal.getMessage(), 0,
        SqlStates.INVALID_AUTHORIZATION, AvaticaSeverity.ERROR, null);
    refusal.headers().forEach(response::setHeader);
    response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    byte[] bytes;
    if (first == '{') {
      bytes = JsonService.MAPPER.writeValueAsBytes(error);
      response.setContentType("application/json;charset=utf-8");
    } else {
      bytes = new ProtobufTranslationImpl().serializeResponse(error);
      response.setContentType("application/octet-stream");
    }
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** The first byte of a body that is not white space (-1 if none); the rest is not read. */
  private static int firstByte(InputStream in) throws IOException {
    int b;
    do {
      b = in.read();
    } while (b == ' ' || b == '\n' || b == '\r' || b == '\t');
    return b;
  }

  private byte[] readBody(HttpServletRequest request) throws IOException, TooLarge {
    long declared = request.getContentLengthLong();
    if (declared > maxRequestBytes) {
      throw new TooLarge();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    byte[] buffer = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (out.size() + n > maxRequestBytes) {
          throw new TooLarge();
        }
        out.write(buffer, 0, n);
      }
    }
    return out.toByteArray();
  }

  static boolean isJson(byte[] body) {
    for (byte b : body) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        continue;
      }
      return b == '{';
    }
    return false;
  }

  static void plain(HttpServletResponse response, int status, String message, Map<String, String> headers)
      throws IOException {
    response.setStatus(status);
    headers.forEach(response::setHeader);
    response.setContentType("text/plain;charset=utf-8");
    byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** The body passed the size limit. */
  private static final class TooLarge extends Exception {
    TooLarge() {
      super(null, null, false, false);
    }
  }
}

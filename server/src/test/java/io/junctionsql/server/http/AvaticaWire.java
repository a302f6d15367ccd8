package io.junctionsql.server.http;

import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

/**
 * Sends hand-made Avatica requests over HTTP, to do what a well-behaved client never would: reuse
 * another user's connection id, fetch another connection's statement, send broken bytes.
 */
final class AvaticaWire {
  private static final ProtobufTranslation PROTOBUF = new ProtobufTranslationImpl();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI uri;

  AvaticaWire(String baseUrl) {
    this.uri = URI.create(baseUrl);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<byte[]> post(byte[] body, String authorization) throws IOException, InterruptedException {
    return post(body, authorization, null);
  }

  /** A request as a proxy forwards it, on behalf of the client {@code forwardedFor} (when not null). */
  HttpResponse<byte[]> post(byte[] body, String authorization, String forwardedFor)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Sends one protobuf request and decodes the answer (an error answer is a {@code Service.ErrorResponse}). */
  Service.Response call(Service.Request request, String authorization) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = post(PROTOBUF.serializeRequest(request), authorization);
    return PROTOBUF.parseResponse(r.body());
  }
}

package io.junctionsql.server.http;

import java.util.Map;

/** A request turned away before it reaches Avatica: an HTTP status, headers and a message for the user. */
public final class HttpRefusal extends Exception {
  private final int status;
  private final Map<String, String> headers;

  public HttpRefusal(int status, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }
}

package io.junctionsql.server.auth;

import java.util.Map;

/**
 * Finds a claim by a dotted path such as {@code xs.system.attributes.xs.rolecollections}. Claim names may
 * themselves contain dots (SAP XSUAA's {@code xs.system.attributes} holds {@code xs.rolecollections}), so a
 * whole name wins over a nested path, and each split point is tried, the longest first name first.
 */
final class ClaimPath {
  private ClaimPath() {
  }

  /** The value at the path, or null when there is none. */
  static Object resolve(Map<String, ?> claims, String path) {
    if (claims.containsKey(path)) {
      return claims.get(path);
    }
    for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
      Object head = claims.get(path.substring(0, dot));
      if (head instanceof Map<?, ?> nested) {
        @SuppressWarnings("unchecked")
        Object value = resolve((Map<String, ?>) nested, path.substring(dot + 1));
        if (value != null) {
          return value;
        }
      }
    }
    return null;
  }
}

package io.junctionsql.server.http;

import io.junctionsql.planner.security.Identity;

/** Establishes who sent a request from its Authorization header, or refuses it. */
@FunctionalInterface
public interface RequestAuthenticator {
  Identity authenticate(String authorizationHeader, String clientAddress) throws HttpRefusal;
}

/** The {@code server:} section of the gateway config: listeners, TLS, limits and shutdown. */
package io.junctionsql.server.config;

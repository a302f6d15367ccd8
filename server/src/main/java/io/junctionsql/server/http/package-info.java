/** The HTTP side of {@code junction serve}: the Avatica endpoint, the management endpoint and TLS. */
package io.junctionsql.server.http;

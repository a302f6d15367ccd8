/** Who is calling the server: Basic passwords from a users file or bearer JWTs, turned into an Identity, with brute-force throttling. */
package io.junctionsql.server.auth;

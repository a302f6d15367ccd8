package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.config.Secret;

/**
 * A database login Junction signs in to a source with.
 *
 * @param user the database user
 * @param password its password (never shown: {@link Secret#toString()} masks it)
 * @param configKeys where the login is written, for messages that tell the user what to fix; null for the
 *     source's service login, whose keys depend on the source kind
 */
public record SourceLogin(String user, Secret password, String configKeys) {
  /** Whether two logins sign in as the same database user, so that they can share one pool. */
  boolean sameCredential(SourceLogin other) {
    return user.equals(other.user) && password.equals(other.password);
  }
}

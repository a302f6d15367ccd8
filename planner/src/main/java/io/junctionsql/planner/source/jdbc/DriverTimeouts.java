package io.junctionsql.planner.source.jdbc;

import org.apache.commons.dbcp2.BasicDataSource;

import java.time.Duration;

/**
 * Sets the connect timeout in each driver's own property, since JDBC has no portable one, so that an
 * unreachable source fails fast instead of hanging a query.
 */
final class DriverTimeouts {
  private DriverTimeouts() {
  }

  static void apply(String url, Duration connectTimeout, BasicDataSource ds) {
    long seconds = Math.max(1, connectTimeout.toSeconds());
    if (url.startsWith("jdbc:postgresql:")) {
      ds.addConnectionProperty("connectTimeout", Long.toString(seconds));
      // connectTimeout covers only the TCP handshake; a server that accepts and never answers needs this.
      ds.addConnectionProperty("loginTimeout", Long.toString(seconds));
      ds.addConnectionProperty("ApplicationName", "junction");
    } else if (url.startsWith("jdbc:sap:")) {
      ds.addConnectionProperty("communicationTimeout", Long.toString(seconds * 1000));
    } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
      ds.addConnectionProperty("connectTimeout", Long.toString(seconds * 1000));
    }
  }
}

package io.junctionsql.bench.tpch;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The fact tables served by a Spark thrift server (standing in for a Databricks SQL warehouse) instead of
 * read by Junction through Delta Kernel: the same Delta folders, registered in the server's catalog as
 * {@code <schema>.orders} and {@code <schema>.lineitem}, so that Junction's {@code lake} source is of kind
 * {@code databricks} and receives SQL.
 */
record SparkLake(String url, Path hiveJar) {
  static final String HIVE_DRIVER = "org.apache.hive.jdbc.HiveDriver";

  /**
   * Registers each fact table of the data set unless the server knows it already, and counts its rows once: a
   * server just started takes longer over its first statements than Junction's planner waits for a row count,
   * where a warehouse in use would not.
   */
  void register(TpchDataSet data) throws Exception {
    if (!Files.isRegularFile(hiveJar)) {
      throw new IllegalArgumentException("no Hive JDBC driver at " + hiveJar
          + "; build first (mvn -q -DskipTests install puts it in driver/target/drivers) or give --hive-jar");
    }
    ClassLoader loader = new URLClassLoader(new URL[] {hiveJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Driver hive = (Driver) Class.forName(HIVE_DRIVER, true, loader).getConstructor().newInstance();
    Properties p = new Properties();
    p.setProperty("user", "junction-bench");
    p.setProperty("password", "");
    try (Connection c = hive.connect(url, p); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + data.schema());
      for (String table : TpchDataSet.FACTS) {
        s.execute("CREATE TABLE IF NOT EXISTS " + data.schema() + "." + table + " USING delta LOCATION '"
            + data.deltaTable(table).toAbsolutePath() + "'");
        s.executeQuery("SELECT COUNT(*) FROM " + data.schema() + "." + table).close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot register the fact tables in the Spark thrift server at " + url
          + " (start it with bench/spark/spark start): " + e.getMessage(), e);
    }
  }
}

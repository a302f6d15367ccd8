package io.junctionsql.sparkfixture;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;

import java.nio.file.Path;

/**
 * A Spark thrift server with Delta Lake, standing in for a Databricks SQL warehouse in tests: binary
 * transport bound to 127.0.0.1, an in-memory catalog, Delta's catalog and extensions. Prints
 * {@code READY} when it accepts connections and runs until it is killed.
 *
 * <p>Usage: {@code SparkThriftServer <port> <work folder>}.
 */
public final class SparkThriftServer {
  private SparkThriftServer() {
  }

  public static void main(String[] args) throws Exception {
    String port = args[0];
    Path work = Path.of(args[1]).toAbsolutePath();
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("junction-spark-thrift")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.local.dir", work.resolve("tmp").toString())
        .config("spark.sql.warehouse.dir", work.resolve("warehouse").toString())
        .config("spark.sql.catalogImplementation", "in-memory")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Without it, JDBC getColumns returns nothing for Delta tables.
        .config("spark.databricks.delta.catalog.update.enabled", "true")
        .config("spark.hadoop.hive.server2.thrift.port", port)
        .config("spark.hadoop.hive.server2.thrift.bind.host", "127.0.0.1")
        .config("spark.hadoop.hive.server2.transport.mode", "binary")
        .getOrCreate();
    HiveThriftServer2.startWithContext(spark.sqlContext());
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join();
  }
}

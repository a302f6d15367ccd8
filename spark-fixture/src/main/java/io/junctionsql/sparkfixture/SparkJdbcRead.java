package io.junctionsql.sparkfixture;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table through Spark's JDBC data source, as a Databricks notebook does with
 * {@code spark.read.format("jdbc")}, and writes what Spark got to a file: the number of partitions, the
 * schema, and every row with the partition that read it. The driver comes from whatever jar the launcher
 * put on the class path (for Junction's bundle test: only the shaded jar).
 *
 * <p>Usage: {@code SparkJdbcRead <output file> <option>=<value>...}, the options passed unchanged to the
 * reader ({@code url}, {@code driver}, {@code dbtable}, {@code partitionColumn}, ...). Output lines:
 * {@code PARTITIONS n}, {@code SCHEMA <simple string>}, then {@code ROW <tab> partition <tab> values...},
 * values tab-separated, {@code \N} for null, decimals in plain notation, dates as yyyy-mm-dd.
 */
public final class SparkJdbcRead {
  private SparkJdbcRead() {
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]).toAbsolutePath();
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("junction-spark-jdbc-read")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.local.dir", out.getParent().resolve("spark-tmp").toString())
        .config("spark.sql.warehouse.dir", out.getParent().resolve("spark-warehouse").toString())
        .getOrCreate();
    try {
      DataFrameReader reader = spark.read().format("jdbc");
      for (int i = 1; i < args.length; i++) {
        int eq = args[i].indexOf('=');
        reader = reader.option(args[i].substring(0, eq), args[i].substring(eq + 1));
      }
      Dataset<Row> df = reader.load();
      List<String> lines = new ArrayList<>();
      lines.add("PARTITIONS " + df.rdd().getNumPartitions());
      lines.add("SCHEMA " + df.schema().simpleString());
      // One job reads every partition once; the partition id tells which predicate gave each row.
      for (Row row : df.select(functions.spark_partition_id().as("__partition"), functions.col("*")).collectAsList()) {
        StringBuilder b = new StringBuilder("ROW");
        for (int c = 0; c < row.size(); c++) {
          b.append('\t').append(format(row.get(c)));
        }
        lines.add(b.toString());
      }
      Files.write(out, lines, StandardCharsets.UTF_8);
    } finally {
      spark.stop();
    }
  }

  private static String format(Object v) {
    if (v == null) {
      return "\\N";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return v.toString();
  }
}

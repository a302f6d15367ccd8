package io.junctionsql.sparkfixture;

import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes Delta tables the way Databricks does, with Spark and Delta Lake: one with deletion vectors
 * after a DELETE, two with column mapping (name and id mode) after a rename and a drop, and one with
 * arrays, maps and structs. For each it also writes the rows Spark itself reads back, as JSON lines,
 * so that a test can compare Junction's reading with Spark's.
 *
 * <p>Usage: {@code SparkDeltaTables <output folder>}; tables go to {@code <folder>/lake/spark/<name>},
 * rows to {@code <folder>/expected/<name>.jsonl}.
 */
public final class SparkDeltaTables {
  private SparkDeltaTables() {
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]).toAbsolutePath();
    SparkSession spark = SparkSession.builder()
        .master("local[1]")
        .appName("junction-spark-fixture")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.local.dir", out.resolve("spark-tmp").toString())
        .config("spark.sql.warehouse.dir", out.resolve("spark-warehouse").toString())
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
    try {
      deletionVectors(spark, out);
      columnMapping(spark, out, "name");
      columnMapping(spark, out, "id");
      nested(spark, out);
    } finally {
      spark.stop();
    }
  }

  private static void deletionVectors(SparkSession spark, Path out) throws IOException {
    String t = table(out, "deletion_vectors");
    spark.sql("CREATE TABLE " + t + " (id BIGINT, name STRING, amount DECIMAL(12,2), day DATE) USING delta"
        + " TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    spark.sql("INSERT INTO " + t + " SELECT id, concat('name ', id), CAST(id * 1.25 AS DECIMAL(12,2)),"
        + " date_add(DATE '2024-01-01', CAST(id % 30 AS INT)) FROM range(0, 2000, 1, 4)");
    spark.sql("DELETE FROM " + t + " WHERE id % 7 = 0 OR id BETWEEN 500 AND 599");
    expected(spark, out, "deletion_vectors", t);
  }

  private static void columnMapping(SparkSession spark, Path out, String mode) throws IOException {
    String name = "column_mapping_" + mode;
    String t = table(out, name);
    spark.sql("CREATE TABLE " + t + " (id BIGINT, old_name STRING, dropped INT, score DOUBLE) USING delta"
        + " TBLPROPERTIES ('delta.columnMapping.mode' = '" + mode + "', 'delta.minReaderVersion' = '2',"
        + " 'delta.minWriterVersion' = '5')");
    spark.sql("INSERT INTO " + t + " SELECT id, concat('v', id), CAST(id AS INT), id / 4.0 FROM range(0, 500, 1, 2)");
    spark.sql("ALTER TABLE " + t + " RENAME COLUMN old_name TO new_name");
    spark.sql("ALTER TABLE " + t + " DROP COLUMN dropped");
    spark.sql("ALTER TABLE " + t + " ADD COLUMNS (added STRING)");
    spark.sql("INSERT INTO " + t + " SELECT id, concat('w', id), id / 2.0, concat('added ', id) FROM range(500, 600)");
    expected(spark, out, name, t);
  }

  private static void nested(SparkSession spark, Path out) throws IOException {
    String t = table(out, "nested");
    spark.sql("CREATE TABLE " + t + " (id BIGINT, tags ARRAY<STRING>, counts MAP<STRING, INT>,"
        + " address STRUCT<city: STRING, zip: INT>, points ARRAY<STRUCT<x: INT, y: DOUBLE>>) USING delta");
    spark.sql("INSERT INTO " + t + " SELECT id,"
        + " CASE WHEN id % 5 = 0 THEN NULL ELSE array(concat('t', id), 'x') END,"
        + " map('a', CAST(id AS INT), 'b', CAST(id * 2 AS INT)),"
        + " named_struct('city', concat('City ', id), 'zip', CAST(10000 + id AS INT)),"
        + " array(named_struct('x', CAST(id AS INT), 'y', id / 2.0))"
        + " FROM range(0, 50)");
    expected(spark, out, "nested", t);
  }

  private static String table(Path out, String name) {
    return "delta.`" + out.resolve("lake").resolve("spark").resolve(name) + "`";
  }

  private static void expected(SparkSession spark, Path out, String name, String table) throws IOException {
    List<String> rows = spark.sql("SELECT * FROM " + table + " ORDER BY id").toJSON().collectAsList();
    Path file = out.resolve("expected").resolve(name + ".jsonl");
    Files.createDirectories(file.getParent());
    Files.write(file, rows, StandardCharsets.UTF_8);
  }
}

package io.junctionsql.bench.tpch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * How long Junction takes to plan federated joins of three to eight tables over the TPC-H layout (dimensions in
 * PostgreSQL, facts in Delta), warm: each query is prepared {@code runs} times after as many warm-up preparations,
 * and the median is printed. Preparing includes parsing, validation, optimization and code generation, not
 * execution. Load the data first with {@link TpchBenchmark} at the same scale factor.
 *
 * <pre>bench/run tpch.PlanningBenchmark [--sf 0.1] [--runs 20]</pre>
 */
public final class PlanningBenchmark {
  private static final String[] QUERIES = {
      // three tables
      "SELECT n_name, sum(o_totalprice) FROM customer, orders, nation "
          + "WHERE c_custkey = o_custkey AND c_nationkey = n_nationkey GROUP BY n_name",
      // five tables: TPC-H Q5 without the region
      "SELECT n_name, sum(l_extendedprice * (1 - l_discount)) FROM customer, orders, lineitem, supplier, nation "
          + "WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey "
          + "AND c_nationkey = s_nationkey AND s_nationkey = n_nationkey AND o_orderdate >= DATE '1994-01-01' "
          + "GROUP BY n_name",
      // eight tables: TPC-H Q8's joins
      "SELECT n2.n_name, sum(l_extendedprice) FROM part, supplier, lineitem, orders, customer, nation n1, "
          + "nation n2, region WHERE p_partkey = l_partkey AND s_suppkey = l_suppkey AND l_orderkey = o_orderkey "
          + "AND o_custkey = c_custkey AND c_nationkey = n1.n_nationkey AND n1.n_regionkey = r_regionkey "
          + "AND r_name = 'AMERICA' AND s_nationkey = n2.n_nationkey AND p_type = 'ECONOMY ANODIZED STEEL' "
          + "GROUP BY n2.n_name"};

  private PlanningBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    double sf = 0.1;
    int runs = 20;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--sf" -> sf = Double.parseDouble(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --sf, --runs");
      }
    }
    TpchDataSet data = new TpchDataSet(sf, "jdbc:postgresql://127.0.0.1:5432/junction_bench?user=postgres",
        Path.of(System.getProperty("user.home"), ".cache", "junction-bench", "lake"));
    Path config = Files.createTempDirectory("junction-plan").resolve("junction.yaml");
    Files.writeString(config, JunctionSystem.config(data, null));
    TableQualifier qualifier = new TableQualifier(Set.of("customer", "supplier", "part", "partsupp", "nation",
        "region", "orders", "lineitem"));
    System.out.println("| tables | median prepare ms | min ms |");
    System.out.println("| ---: | ---: | ---: |");
    try (Connection c = DriverManager.getConnection("jdbc:junction:config=" + config)) {
      for (String q : QUERIES) {
        String sql = qualifier.qualify(q, t -> (TpchDataSet.FACTS.contains(t) ? "lake." : "sap.") + data.schema() + "." + t);
        double[] ms = new double[runs];
        for (int i = -runs; i < runs; i++) {
          long start = System.nanoTime();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (i >= 0) {
              ms[i] = (System.nanoTime() - start) / 1e6;
            }
          }
        }
        Arrays.sort(ms);
        long tables = q.substring(q.indexOf(" FROM ") + 6, q.indexOf(" WHERE ")).split(",").length;
        System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f |%n", tables, ms[runs / 2], ms[0]);
      }
    }
  }
}

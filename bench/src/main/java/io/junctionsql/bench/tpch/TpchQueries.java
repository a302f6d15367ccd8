package io.junctionsql.bench.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workload: the 22 TPC-H queries as the {@code io.trino.tpch} generator ships them, and Junction's
 * training-set extractions. The texts are used unchanged but for these rewrites:
 * <ul>
 *   <li>Q15's view becomes a WITH clause, because the benchmark only reads (same relation);
 *   <li>Q11's column alias {@code value} is quoted: VALUE is a reserved word in standard SQL and in Calcite's
 *       parser (PostgreSQL and Trino accept it bare);
 *   <li>Trino's {@code date('1994-01-01')} (Q20) and {@code substr(c_phone, 1, 2)} (Q22) are written as the
 *       TPC-H specification writes them, {@code DATE '1994-01-01'} and {@code SUBSTRING(c_phone FROM 1 FOR 2)}.
 * </ul>
 */
final class TpchQueries {
  private static final Pattern VALUE_ALIAS = Pattern.compile("\\bvalue\\b");
  private static final Pattern DATE_CALL = Pattern.compile("date\\('([0-9-]+)'\\)");
  private static final Pattern SUBSTR_CALL = Pattern.compile("substr\\((\\w+), (\\d+), (\\d+)\\)");
  private static final Pattern VIEW = Pattern.compile(
      "CREATE OR REPLACE VIEW (\\w+) AS(.*?);(.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  static final List<String> EXTRACTIONS = List.of("x1", "x2");

  private TpchQueries() {
  }

  /** The queries named, in order: {@code q1}..{@code q22}, {@code x1}, {@code x2}. */
  static List<BenchQuery> load(List<String> names) {
    List<BenchQuery> out = new ArrayList<>();
    for (String name : names) {
      out.add(name.startsWith("x")
          ? new BenchQuery(name, resource("/tpch/" + name + ".sql"), true)
          : new BenchQuery(name, tpch(name), false));
    }
    return out;
  }

  static List<String> all() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 22; i++) {
      names.add("q" + i);
    }
    names.addAll(EXTRACTIONS);
    return names;
  }

  private static String tpch(String name) {
    String text = resource("/io/trino/tpch/queries/" + name + ".sql").strip();
    Matcher view = VIEW.matcher(text.replaceFirst("^--[^\n]*\n", ""));
    if (view.matches()) {
      text = "WITH " + view.group(1) + " AS (" + view.group(2).strip() + ")\n" + view.group(3).strip();
    }
    text = DATE_CALL.matcher(text).replaceAll("DATE '$1'");
    text = SUBSTR_CALL.matcher(text).replaceAll("SUBSTRING($1 FROM $2 FOR $3)");
    if (name.equals("q11")) {
      text = VALUE_ALIAS.matcher(text).replaceAll("\"value\"");
    }
    return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
  }

  private static String resource(String path) {
    try (InputStream in = TpchQueries.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no benchmark query " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.junctionsql.tck;

import java.util.List;
import java.util.Map;

/**
 * One case of a SQL script.
 *
 * @param file the script it comes from
 * @param line the line of its title
 * @param title what it shows
 * @param query the SQL to run
 * @param check how rows are checked: {@code oracle}, {@code ordered oracle}, {@code rows}, {@code ordered rows}
 * @param rows the expected rows for the {@code rows} checks, each column separated by {@code |}
 * @param sourceSql per source, the exact statements it must receive
 * @param sourceContains per source, fragments that must appear in what it receives
 * @param explainContains fragments that must appear in {@code EXPLAIN PLAN FOR} the query
 */
public record ScriptCase(String file, int line, String title, String query, String check, List<String> rows,
    Map<String, List<String>> sourceSql, Map<String, List<String>> sourceContains, List<String> explainContains) {

  @Override public String toString() {
    return file + ":" + line + " " + title;
  }
}

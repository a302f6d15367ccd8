package io.junctionsql.planner.dialect;

import org.junit.jupiter.api.Test;
import java.nio.file.*;
import java.util.*;

class ScratchPrintTest {
  @Test void print() throws Exception {
    StringBuilder out = new StringBuilder();
    String title = null;
    StringBuilder q = new StringBuilder();
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("/tmp/cases.txt")));
    lines.add("=== END");
    for (String line : lines) {
      if (line.startsWith("=== ")) {
        if (title != null) {
          String r;
          try { r = DatabricksSqlDialectTest.toDatabricks(q.toString().trim()); } catch (Throwable e) { r = "ERROR " + e; }
          out.append("=== ").append(title).append('\n').append(q.toString().trim()).append("\n--- databricks\n").append(r).append("\n\n");
        }
        title = line.substring(4); q = new StringBuilder();
      } else if (line.startsWith("#")) {
        out.append(line).append("\n\n");
      } else { q.append(line).append('\n'); }
    }
    Files.writeString(Path.of("/tmp/golden.out"), out);
  }
}

package io.junctionsql.bench.tpch;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes each system's name for the tables a query reads, and changes nothing else in its text: the
 * query is parsed only to find where table names stand in FROM clauses (a column or an alias may share
 * a table's name, as {@code nation} does in Q8 and Q9), and those spots are replaced.
 */
final class TableQualifier {
  private final Set<String> tables;

  TableQualifier(Set<String> tables) {
    this.tables = tables;
  }

  String qualify(String sql, Function<String, String> name) {
    List<SqlParserPos> spots = new ArrayList<>();
    try {
      SqlParser.create(sql).parseQuery().accept(new SqlBasicVisitor<Void>() {
        @Override public Void visit(SqlCall call) {
          if (call instanceof SqlSelect select && select.getFrom() != null) {
            collect(select.getFrom(), spots);
          }
          return super.visit(call);
        }
      });
    } catch (SqlParseException e) {
      throw new IllegalArgumentException("cannot parse benchmark query: " + e.getMessage(), e);
    }
    int[] lineStarts = lineStarts(sql);
    StringBuilder out = new StringBuilder(sql);
    spots.sort(Comparator.comparingInt((SqlParserPos p) -> offset(lineStarts, p.getLineNum(), p.getColumnNum()))
        .reversed());
    for (SqlParserPos p : spots) {
      int start = offset(lineStarts, p.getLineNum(), p.getColumnNum());
      int end = offset(lineStarts, p.getEndLineNum(), p.getEndColumnNum()) + 1;
      out.replace(start, end, name.apply(sql.substring(start, end).toLowerCase(Locale.ROOT)));
    }
    return out.toString();
  }

  private void collect(SqlNode from, List<SqlParserPos> spots) {
    if (from instanceof SqlJoin join) {
      collect(join.getLeft(), spots);
      collect(join.getRight(), spots);
    } else if (from instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
      collect(call.operand(0), spots);
    } else if (from instanceof SqlIdentifier id && id.isSimple()
        && tables.contains(id.getSimple().toLowerCase(Locale.ROOT))) {
      spots.add(id.getParserPosition());
    }
  }

  private static int[] lineStarts(String sql) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int offset(int[] lineStarts, int line, int column) {
    return lineStarts[line - 1] + column - 1;
  }
}

package io.junctionsql.planner.explain;

import io.junctionsql.planner.source.PlanSessions;
import io.junctionsql.planner.source.jdbc.SourceConvention;

import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds every part of a plan that a source runs and renders the SQL that source will receive,
 * exactly as the runtime generates it.
 */
public final class SourceSqlExplainer {
  private SourceSqlExplainer() {
  }

  /**
   * One fragment a source runs.
   *
   * @param source the source's name
   * @param sql the SQL it receives
   * @param estimatedRows the planner's estimate of the rows it returns
   * @param sourceEstimate the source's own estimate, where the planner asked for it (NaN if not)
   * @param note when or how the source receives it, if not simply once (null)
   */
  public record Fragment(String source, String sql, double estimatedRows, double sourceEstimate, String note) {
  }

  public static List<Fragment> fragments(RelNode plan) {
    List<Fragment> out = new ArrayList<>();
    collect(plan, out);
    return out;
  }

  /** The text appended to Calcite's plan in EXPLAIN. */
  public static String render(RelNode plan) {
    List<Fragment> fragments = fragments(plan);
    StringBuilder sb = new StringBuilder();
    sb.append("\nSource requests (").append(fragments.size())
        .append(fragments.size() == 1 ? " fragment" : " fragments").append("):\n");
    int i = 1;
    for (Fragment f : fragments) {
      sb.append("  [").append(i++).append("] ").append(f.source())
          .append(String.format(Locale.ROOT, " (estimated rows: %.0f", f.estimatedRows()))
          .append(Double.isNaN(f.sourceEstimate()) ? ""
              : String.format(Locale.ROOT, "; %s's own estimate: %.0f", f.source(), f.sourceEstimate()))
          .append(')')
          .append(f.note() == null ? "" : " " + f.note())
          .append(":\n      ").append(f.sql().replace("\n", "\n      ")).append('\n');
    }
    return sb.toString();
  }

  private static void collect(RelNode node, List<Fragment> out) {
    if (fragment(node, null, out)) {
      return;
    }
    if (node instanceof KeyedFragment) {
      KeyedFragment keyed = (KeyedFragment) node;
      for (int i = 0; i < node.getInputs().size(); i++) {
        if (i == keyed.largeInput() && fragmentBelow(keyed.keyedInput(), keyed.keyNote(), out)
            && fragmentBelow(node.getInput(i), keyed.fallbackNote(), out)) {
          continue;
        }
        collect(node.getInput(i), out);
      }
      return;
    }
    for (RelNode child : node.getInputs()) {
      collect(child, out);
    }
  }

  /** Adds the fragment at or below {@code node} through single-input nodes (a projection above a scan). */
  private static boolean fragmentBelow(RelNode node, String note, List<Fragment> out) {
    for (RelNode n = node; ; n = n.getInput(0)) {
      if (fragment(n, note, out)) {
        return true;
      }
      if (n.getInputs().size() != 1) {
        return false;
      }
    }
  }

  /** Adds what a source receives for this part of the plan; false if {@code node} is not a source's part. */
  private static boolean fragment(RelNode node, String note, List<Fragment> out) {
    if (node instanceof SourceFragment) {
      SourceFragment f = (SourceFragment) node;
      Double rows = node.getCluster().getMetadataQuery().getRowCount(node);
      out.add(new Fragment(f.sourceName(), f.describeForExplain(), rows == null ? Double.NaN : rows, Double.NaN, note));
      return true;
    }
    if (!(node instanceof JdbcToEnumerableConverter)
        || !(node.getInput(0).getConvention() instanceof SourceConvention)) {
      return false;
    }
    RelNode input = node.getInput(0);
    SourceConvention sc = (SourceConvention) input.getConvention();
    String sql = sc.sql(input);
    RelMetadataQuery mq = node.getCluster().getMetadataQuery();
    Double rows = mq.getRowCount(input);
    out.add(new Fragment(sc.sourceName(), sql, rows == null ? Double.NaN : rows,
        sc.estimates().known(sql, PlanSessions.of(input).orElse(null)).orElse(Double.NaN), note));
    return true;
  }
}

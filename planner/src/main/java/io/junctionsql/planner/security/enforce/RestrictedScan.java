package io.junctionsql.planner.security.enforce;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Puts a table's view on top of its scan: a Filter with the row filters, then a Project that leaves out
 * hidden columns and replaces masked ones. Both are ordinary logical nodes, so the planner pushes the
 * filter into the source like any other, and nothing above them can reach what they removed.
 */
final class RestrictedScan {
  private RestrictedScan() {
  }

  /**
   * @param scan the table's own scan, all its columns
   * @param declared the row type the view declares, which the result must have exactly
   */
  static RelNode build(RelNode scan, TableView view, String user, RelDataType declared) {
    RexBuilder rex = scan.getCluster().getRexBuilder();
    List<RexNode> conditions = new ArrayList<>();
    view.filters().forEach(f ->
        conditions.add(new RowFilterConverter(rex, scan.getRowType(), user, f, view.qualifiedName()).convert()));
    RelNode input = conditions.isEmpty() ? scan : LogicalFilter.create(scan, RexUtil.composeConjunction(rex, conditions));
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < view.columns().size(); i++) {
      TableView.Column c = view.columns().get(i);
      RelDataType type = declared.getFieldList().get(i).getType();
      RelDataType own = scan.getRowType().getFieldList().get(c.ordinal()).getType();
      RexNode e = c.mask() == null ? rex.makeInputRef(scan, c.ordinal()) : Masking.value(c.mask(), own, type, rex);
      projects.add(e.getType().equals(type) ? e : rex.makeCast(type, e, true, false));
      names.add(declared.getFieldNames().get(i));
    }
    return LogicalProject.create(input, List.of(), projects, names, Set.of());
  }
}

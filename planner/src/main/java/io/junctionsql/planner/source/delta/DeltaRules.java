package io.junctionsql.planner.source.delta;

import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructField;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules that push work into a Delta scan: read only the columns used, and hand Kernel the part
 * of a filter it can use to skip files. The filter itself stays above the scan, because Kernel skips
 * files but does not drop rows.
 */
final class DeltaRules {
  private DeltaRules() {
  }

  static final List<RelOptRule> RULES = List.of(new ProjectIntoScan(), new FilterIntoScan());

  /** Project(DeltaScan) reads only the columns the projection uses. */
  static final class ProjectIntoScan extends RelOptRule {
    ProjectIntoScan() {
      super(operand(LogicalProject.class, operand(DeltaScan.class, none())), "DeltaProjectIntoScan");
    }

    @Override public void onMatch(RelOptRuleCall call) {
      Project project = call.rel(0);
      DeltaScan scan = call.rel(1);
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
      if (used.cardinality() == scan.fields().length) {
        return;
      }
      int[] fields = new int[used.cardinality()];
      int i = 0;
      for (int u : used) {
        fields[i++] = scan.fields()[u];
      }
      DeltaScan narrower = scan.withFields(fields);
      Mappings.TargetMapping mapping = Mappings.target(used.asList(), scan.fields().length);
      List<RexNode> projects = new ArrayList<>();
      RexPermuteInputsShuttle shuttle = RexPermuteInputsShuttle.of(mapping);
      for (RexNode p : project.getProjects()) {
        projects.add(p.accept(shuttle));
      }
      call.transformTo(project.copy(project.getTraitSet(), narrower, projects, project.getRowType()));
    }
  }

  /** Filter(DeltaScan) also gives the scan a Kernel predicate implied by the filter. */
  static final class FilterIntoScan extends RelOptRule {
    FilterIntoScan() {
      super(operand(LogicalFilter.class, operand(DeltaScan.class, none())), "DeltaFilterIntoScan");
    }

    @Override public void onMatch(RelOptRuleCall call) {
      Filter filter = call.rel(0);
      DeltaScan scan = call.rel(1);
      if (scan.predicate() != null) {
        return;
      }
      List<StructField> columns = scan.readFields();
      Optional<Predicate> predicate = new KernelPredicates(columns, ZoneId.systemDefault())
          .convert(filter.getCondition(), filter.getCluster().getRexBuilder());
      if (predicate.isEmpty()) {
        return;
      }
      call.transformTo(filter.copy(filter.getTraitSet(), scan.withPredicate(predicate.get()),
          filter.getCondition()));
    }
  }
}

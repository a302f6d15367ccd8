package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.runtime.ColumnarRows;
import io.junctionsql.planner.source.delta.DeltaScan;

import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Recognises plans that are nothing but a Delta scan, perhaps choosing and renaming its columns: the
 * shape of a training-set extraction ({@code SELECT a, b, c FROM lake.s.t}). Their rows can go to the
 * client straight from Kernel's vectors. Any filter, sort, limit, join or computation disqualifies.
 */
final class PlainScans {
  private PlainScans() {
  }

  static Optional<Supplier<ColumnarRows>> of(RelRoot root) {
    RelNode rel = root.rel;
    int[] columns = new int[root.fields.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = root.fields.get(i).getKey();
    }
    if (rel instanceof EnumerableCalc) {
      RexProgram program = ((EnumerableCalc) rel).getProgram();
      if (program.getCondition() != null) {
        return Optional.empty();
      }
      List<RexLocalRef> projects = program.getProjectList();
      for (int i = 0; i < columns.length; i++) {
        RexNode e = program.expandLocalRef(projects.get(columns[i]));
        if (!(e instanceof RexInputRef)) {
          return Optional.empty();
        }
        columns[i] = ((RexInputRef) e).getIndex();
      }
      rel = rel.getInput(0);
    }
    if (!(rel instanceof DeltaScan)) {
      return Optional.empty();
    }
    return Optional.of(((DeltaScan) rel).columnarRows(columns));
  }
}

package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.source.delta.DeltaScan;

import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

import java.util.List;

/**
 * Where a join's side is a Delta scan, directly or under a projection that only renames or reorders its
 * columns (which Calcite leaves above a scan), and which of the scan's columns a join key is.
 */
final class DeltaKeys {
  private DeltaKeys() {
  }

  /** The Delta scan this side reads, or null if the side does more than read one. */
  static DeltaScan scanBelow(RelNode side) {
    if (side instanceof DeltaScan) {
      return (DeltaScan) side;
    }
    if (side instanceof EnumerableCalc && ((EnumerableCalc) side).getProgram().getCondition() == null
        && side.getInput(0) instanceof DeltaScan) {
      return (DeltaScan) side.getInput(0);
    }
    return null;
  }

  /** The scan's column that the side's column {@code field} shows unchanged; -1 if it is computed. */
  static int column(RelNode side, int field) {
    if (side instanceof DeltaScan) {
      return field;
    }
    List<RexNode> projects = ((EnumerableCalc) side).getProgram().expandList(
        ((EnumerableCalc) side).getProgram().getProjectList());
    RexNode p = projects.get(field);
    return p instanceof RexInputRef ? ((RexInputRef) p).getIndex() : -1;
  }

  /** The side reading only rows whose key is among the statement's join keys. */
  static EnumerableRel keyed(RelNode side, int field) {
    DeltaScan keyedScan = scanBelow(side).keyedBy(column(side, field));
    return side instanceof DeltaScan ? keyedScan
        : (EnumerableRel) side.copy(side.getTraitSet(), List.of(keyedScan));
  }
}

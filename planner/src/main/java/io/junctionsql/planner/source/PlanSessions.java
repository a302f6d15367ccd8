package io.junctionsql.planner.source;

import io.junctionsql.planner.semantic.SemanticTable;
import io.junctionsql.planner.source.delta.DeltaScan;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

import java.util.Optional;

/**
 * Finds the connection a plan belongs to: every table is looked up in one connection's session, so the first
 * table scan found names it (its settings, its login).
 */
public final class PlanSessions {
  private PlanSessions() {
  }

  /** The session of the first table {@code rel} reads, depth first; empty for a plan that reads none. */
  public static Optional<SourceSession> of(RelNode rel) {
    if (rel instanceof TableScan) {
      SemanticTable table = rel.getTable().unwrap(SemanticTable.class);
      SourceSession session = rel instanceof DeltaScan ? ((DeltaScan) rel).session()
          : table == null ? null : table.session();
      if (session != null) {
        return Optional.of(session);
      }
    }
    for (RelNode input : rel.getInputs()) {
      Optional<SourceSession> found = of(input);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}

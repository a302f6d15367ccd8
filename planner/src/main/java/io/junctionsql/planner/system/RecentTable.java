package io.junctionsql.planner.system;

import io.junctionsql.planner.runtime.recent.RecentQueries;

import org.apache.calcite.rex.RexNode;

import java.util.List;

/** A table of the connection's recent statements: its rows come from the list, not from a walk of the catalog. */
abstract class RecentTable extends CatalogTable {
  final RecentQueries recent;

  RecentTable(RecentQueries recent) {
    this.recent = recent;
  }

  @Override NamePatterns patterns(List<RexNode> filters) {
    return NamePatterns.ANY;
  }
}

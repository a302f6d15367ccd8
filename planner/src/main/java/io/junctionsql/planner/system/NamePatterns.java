package io.junctionsql.planner.system;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.SqlKind;

import java.util.List;

/**
 * The name patterns a catalog query filters on ({@code TABLE_CAT = 'sap'}, {@code TABLE_NAME LIKE
 * 'cust%'}), so that a walk of the catalog reads only the sources, schemas and tables asked for. The
 * filters stay in the plan too; this only prunes.
 *
 * @param catalog pattern for column 0
 * @param schema pattern for column 1
 * @param table pattern for column 2
 */
record NamePatterns(LikePattern catalog, LikePattern schema, LikePattern table) {
  static final NamePatterns ANY = new NamePatterns(LikePattern.any(), LikePattern.any(), LikePattern.any());

  static NamePatterns from(List<RexNode> filters) {
    LikePattern[] patterns = {LikePattern.any(), LikePattern.any(), LikePattern.any()};
    for (RexNode filter : filters) {
      collect(filter, patterns);
    }
    return new NamePatterns(patterns[0], patterns[1], patterns[2]);
  }

  private static void collect(RexNode node, LikePattern[] patterns) {
    if (node.getKind() == SqlKind.AND) {
      ((RexCall) node).getOperands().forEach(o -> collect(o, patterns));
      return;
    }
    if (!(node instanceof RexCall)) {
      return;
    }
    RexCall call = (RexCall) node;
    boolean equals = call.getKind() == SqlKind.EQUALS;
    boolean like = call.getKind() == SqlKind.LIKE && call.getOperands().size() == 2;
    if ((!equals && !like) || !(call.getOperands().get(0) instanceof RexInputRef)
        || !(call.getOperands().get(1) instanceof RexLiteral)) {
      return;
    }
    int column = ((RexInputRef) call.getOperands().get(0)).getIndex();
    String value = ((RexLiteral) call.getOperands().get(1)).getValueAs(String.class);
    if (column > 2 || value == null) {
      return;
    }
    patterns[column] = new LikePattern(equals ? escape(value) : value);
  }

  /** A name as a pattern that matches only itself. */
  static String escape(String name) {
    return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}

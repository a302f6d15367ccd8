package io.junctionsql.planner.semantic;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A join path the CSN declares from one entity to another (a {@code cds.Association} or
 * {@code cds.Composition} element).
 *
 * @param name the association's element name, for example {@code _Customer}
 * @param target the target entity's name
 * @param targetKnown whether the target's definition was read; when false, {@link #targetKeyColumns()} is empty
 * @param label {@code @EndUserText.label}
 * @param maxCardinality {@code cardinality.max}; CDS reads a missing cardinality as to-one
 * @param columnPairs the equalities of the join condition, source column to target column
 * @param conditionComplete whether {@code columnPairs} are the whole condition: false when the on-condition also
 *     compares with literals, session variables or parameters, uses {@code or}, {@code not}, functions or
 *     paths Junction does not follow. Rewrite a join from the pairs alone only when this is true.
 * @param managed declared with {@code keys} (or without a condition): the source columns are the generated
 *     foreign keys {@code <association>_<key>}
 * @param targetKeyColumns the target's key columns, when the target is known
 */
public record SemanticAssociation(
    String name,
    String target,
    boolean targetKnown,
    Optional<String> label,
    Cardinality maxCardinality,
    List<ColumnPair> columnPairs,
    boolean conditionComplete,
    boolean managed,
    List<String> targetKeyColumns) {

  public SemanticAssociation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(maxCardinality, "maxCardinality");
    columnPairs = List.copyOf(columnPairs);
    targetKeyColumns = List.copyOf(targetKeyColumns);
  }

  /**
   * Whether each source row meets at most one target row, so that a planner may aggregate below the join or
   * drop it: the declared cardinality is one and the condition equates every key column of the target. False
   * when the target is unknown, because its key cannot then be checked. This trusts the declared keys; Datasphere
   * does not enforce them.
   */
  public boolean isManyToOne() {
    if (maxCardinality != Cardinality.ONE || !targetKnown || !conditionComplete || targetKeyColumns.isEmpty()) {
      return false;
    }
    Set<String> equated = new HashSet<>(targetColumns());
    return equated.containsAll(targetKeyColumns);
  }

  public List<String> sourceColumns() {
    return columnPairs.stream().map(ColumnPair::source).toList();
  }

  public List<String> targetColumns() {
    return columnPairs.stream().map(ColumnPair::target).toList();
  }
}

package io.junctionsql.planner.semantic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every entity read from a set of CSN files, by name. Names are case-sensitive, as Datasphere's technical
 * names are. The per-view lookups return empty results for a view the CSN does not describe, so callers can
 * ask about any view.
 *
 * @param entities the entities by name, in the order they were read
 * @param sources the CSN files read, in order
 */
public record SemanticModel(Map<String, SemanticEntity> entities, List<String> sources) {
  public static final SemanticModel EMPTY = new SemanticModel(Map.of(), List.of());

  public SemanticModel {
    entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    sources = List.copyOf(sources);
  }

  public Optional<SemanticEntity> entity(String view) {
    return Optional.ofNullable(entities.get(view));
  }

  /** What the CSN says of one column: role, aggregation, currency and unit columns, label, and the rest. */
  public Optional<SemanticElement> element(String view, String column) {
    return entity(view).flatMap(e -> e.element(column));
  }

  /** The view's primary key columns; empty when the view is unknown or declares no key. */
  public List<String> keyColumns(String view) {
    return entity(view).map(SemanticEntity::keyColumns).orElse(List.of());
  }

  /** The view's many-to-one associations, each with its column pairs; empty when the view is unknown. */
  public List<SemanticAssociation> manyToOneAssociations(String view) {
    return entity(view).map(SemanticEntity::manyToOneAssociations).orElse(List.of());
  }

  /** The text association of a view's ID column, with the text entity's language column. */
  public Optional<TextAssociation> textAssociation(String view, String idColumn) {
    return entity(view).flatMap(e -> e.textAssociation(idColumn));
  }
}

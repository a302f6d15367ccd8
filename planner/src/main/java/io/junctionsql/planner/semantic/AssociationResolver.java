package io.junctionsql.planner.semantic;

import com.fasterxml.jackson.databind.JsonNode;

import io.junctionsql.planner.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves each entity's associations against the other entities read, generates the foreign keys managed
 * associations imply, and finishes the entity.
 */
final class AssociationResolver {
  private final Map<String, EntityDraft> drafts;

  AssociationResolver(Map<String, EntityDraft> drafts) {
    this.drafts = drafts;
  }

  SemanticEntity resolve(EntityDraft draft) {
    List<SemanticElement> columns = new ArrayList<>(draft.columns());
    List<SemanticAssociation> associations = new ArrayList<>();
    int generatedSoFar = 0;
    for (EntityDraft.Association written : draft.associations()) {
      SemanticAssociation association = resolve(draft, written);
      associations.add(association);
      for (ColumnPair pair : association.columnPairs()) {
        boolean present = columns.stream().anyMatch(c -> c.name().equals(pair.source()));
        if (!present && association.managed()) {
          // Client CSN leaves the generated foreign key implicit; the database view has it all the same.
          Optional<ColumnType> type = target(association).flatMap(t -> t.column(pair.target()))
              .flatMap(SemanticElement::type);
          columns.add(written.columnsBefore() + generatedSoFar,
              ElementReader.generatedForeignKey(pair.source(), type, association.name()));
          generatedSoFar++;
        } else if (!present) {
          CsnPlace place = draft.definition().place().element(association.name());
          throw new ConfigException(place + ": the association's on-condition names '" + pair.source()
              + "', which is not a column of '" + draft.name() + "' (its columns: "
              + EntityReader.names(draft.columns().stream().map(SemanticElement::name).toList())
              + "). Correct the association in Datasphere and export the CSN again.");
        }
      }
    }
    List<TextAssociation> texts = new ArrayList<>();
    for (SemanticElement column : columns) {
      column.textAssociation().ifPresent(name -> texts.add(textAssociation(draft, column, associations, name)));
    }
    return new SemanticEntity(draft.name(), draft.definition().document().origin(), draft.label(),
        draft.modelingPattern(), draft.exposed(), draft.parameters(), columns, associations, texts);
  }

  private Optional<EntityDraft> target(SemanticAssociation association) {
    return Optional.ofNullable(drafts.get(association.target()));
  }

  private SemanticAssociation resolve(EntityDraft draft, EntityDraft.Association written) {
    CsnPlace place = draft.definition().place().element(written.name());
    JsonNode node = written.node();
    String targetName = CsnValues.text(node.get("target")).filter(t -> !t.isBlank())
        .orElseThrow(() -> new ConfigException(place + ": the association has no \"target\". Export the view "
            + "again from Datasphere, or remove the association."));
    Optional<EntityDraft> target = Optional.ofNullable(drafts.get(targetName));
    List<String> targetKey = target.map(EntityDraft::keyColumns).orElse(List.of());
    boolean managed = !node.has("on");
    JoinCondition condition;
    if (!managed) {
      condition = JoinCondition.fromOn(written.name(), node.get("on"));
    } else if (node.path("keys").isArray()) {
      condition = JoinCondition.fromKeys(written.name(), node.get("keys"));
    } else {
      condition = JoinCondition.fromTargetKey(written.name(), targetKey);
    }
    target.ifPresent(t -> checkTargetColumns(place, written.name(), t, condition));
    return new SemanticAssociation(written.name(), targetName, target.isPresent(),
        draft.definition().document().labels().label(node), maxCardinality(node.path("cardinality").get("max")),
        condition.pairs(), condition.complete(), managed, targetKey);
  }

  /** CDS reads a missing cardinality as to-one; {@code "*"} and any number above one mean many. */
  private static Cardinality maxCardinality(JsonNode max) {
    if (max == null) {
      return Cardinality.ONE;
    }
    if (max.isIntegralNumber()) {
      return max.longValue() <= 1 ? Cardinality.ONE : Cardinality.MANY;
    }
    return max.isTextual() && max.textValue().trim().equals("1") ? Cardinality.ONE : Cardinality.MANY;
  }

  private static void checkTargetColumns(CsnPlace place, String association, EntityDraft target,
      JoinCondition condition) {
    for (ColumnPair pair : condition.pairs()) {
      if (target.column(pair.target()).isEmpty()) {
        throw new ConfigException(place + ": the association names '" + association + "." + pair.target()
            + "', but its target '" + target.name() + "' (CSN file " + target.definition().document().origin()
            + ") has no column '" + pair.target() + "' (its columns: "
            + EntityReader.names(target.columns().stream().map(SemanticElement::name).toList())
            + "). Correct the association in Datasphere, or export both views again.");
      }
    }
  }

  /**
   * The text association of an ID column. Its target must be known: without it Junction cannot find the
   * language column, and a text join without a language filter multiplies rows.
   */
  private TextAssociation textAssociation(EntityDraft draft, SemanticElement column,
      List<SemanticAssociation> associations, String name) {
    SemanticAssociation association = associations.stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(); // the entity reader checked that it exists
    EntityDraft texts = target(association).orElseThrow(() -> new ConfigException(
        draft.definition().place().element(column.name()) + ": @ObjectModel.text.association names '" + name
            + "', whose target '" + association.target() + "' is in none of the CSN files read. Add the CSN "
            + "export of '" + association.target() + "', or remove the annotation."));
    List<String> textColumns = texts.columns().stream().filter(SemanticElement::text)
        .map(SemanticElement::name).toList();
    return new TextAssociation(column.name(), name, texts.name(), languageColumn(texts, association), textColumns);
  }

  /**
   * The column marked {@code @Semantics.language}; failing that, for a language-dependent text entity, its one
   * key column the association does not equate, since such an entity is keyed by ID and language.
   */
  private static Optional<String> languageColumn(EntityDraft texts, SemanticAssociation association) {
    Optional<String> marked = texts.columns().stream().filter(SemanticElement::language)
        .map(SemanticElement::name).findFirst();
    if (marked.isPresent() || texts.modelingPattern() != ModelingPattern.LANGUAGE_DEPENDENT_TEXT) {
      return marked;
    }
    List<String> unmatchedKey = texts.keyColumns().stream()
        .filter(k -> !association.targetColumns().contains(k)).toList();
    return unmatchedKey.size() == 1 ? Optional.of(unmatchedKey.get(0)) : Optional.empty();
  }
}

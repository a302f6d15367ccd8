package io.junctionsql.planner.semantic;

import com.fasterxml.jackson.databind.JsonNode;

import io.junctionsql.planner.config.ConfigException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an entity definition's own annotations and columns, and checks the references between its columns. */
final class EntityReader {
  private final ElementReader elements;

  EntityReader(ElementReader elements) {
    this.elements = elements;
  }

  EntityDraft read(CsnDefinition definition) {
    JsonNode node = definition.node();
    CsnPlace place = definition.place();
    JsonNode elementsNode = node.get("elements");
    if (elementsNode == null || !elementsNode.isObject() || elementsNode.isEmpty()) {
      throw new ConfigException(place + ": the entity has no \"elements\", so Junction cannot know its columns. "
          + "Export the view again from Datasphere (the export lists every column), or remove the definition.");
    }
    I18nLabels labels = definition.document().labels();
    List<SemanticElement> columns = new ArrayList<>();
    List<EntityDraft.Association> associations = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = elementsNode.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode element = field.getValue();
      if (!element.isObject() || CsnValues.isTrue(element.get("virtual"))) {
        continue; // a virtual element has no column in the database
      }
      if (isAssociation(element)) {
        associations.add(new EntityDraft.Association(field.getKey(), element, columns.size()));
      } else {
        columns.add(elements.read(field.getKey(), element, labels));
      }
    }
    EntityDraft draft = new EntityDraft(
        definition,
        labels.label(node),
        CsnValues.symbol(node.get("@ObjectModel.modelingPattern"))
            .map(ModelingPattern::fromSymbol).orElse(ModelingPattern.UNKNOWN),
        CsnValues.isTrue(node.get("@DataWarehouse.consumption.external")),
        parameterNames(node.get("params")),
        columns,
        associations);
    columns.forEach(column -> checkReferences(draft, column));
    return draft;
  }

  static boolean isAssociation(JsonNode element) {
    String type = CsnValues.text(element.get("type")).orElse("");
    return type.equals("cds.Association") || type.equals("cds.Composition") || element.has("target");
  }

  private static List<String> parameterNames(JsonNode params) {
    List<String> names = new ArrayList<>();
    if (params != null && params.isObject()) {
      params.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** A column that names another column or association of its entity must name one that exists. */
  private static void checkReferences(EntityDraft draft, SemanticElement column) {
    CsnPlace place = draft.definition().place().element(column.name());
    column.currencyColumn().ifPresent(c -> requireColumn(draft, place, "@Semantics.amount.currencyCode", c));
    column.unitColumn().ifPresent(c -> requireColumn(draft, place, "@Semantics.quantity.unitOfMeasure", c));
    column.textElements().forEach(c -> requireColumn(draft, place, "@ObjectModel.text.element", c));
    // A generated foreign key never gets here; written ones must name an association of the entity.
    column.foreignKeyAssociation()
        .ifPresent(a -> requireAssociation(draft, place, "@ObjectModel.foreignKey.association", a));
    column.textAssociation().ifPresent(a -> requireAssociation(draft, place, "@ObjectModel.text.association", a));
  }

  private static void requireColumn(EntityDraft draft, CsnPlace place, String annotation, String column) {
    if (draft.column(column).isEmpty()) {
      throw new ConfigException(place + ": " + annotation + " names '" + column + "', which is not a column of '"
          + draft.name() + "' (its columns: " + names(draft.columns().stream().map(SemanticElement::name).toList())
          + "). Correct the annotation in Datasphere and export the CSN again.");
    }
  }

  private static void requireAssociation(EntityDraft draft, CsnPlace place, String annotation, String name) {
    Optional<EntityDraft.Association> association = draft.association(name);
    if (association.isEmpty()) {
      List<String> known = draft.associations().stream().map(EntityDraft.Association::name).toList();
      throw new ConfigException(place + ": " + annotation + " names '" + name + "', which is not an association of '"
          + draft.name() + "' (its associations: " + (known.isEmpty() ? "none" : names(known))
          + "). Correct the annotation in Datasphere and export the CSN again.");
    }
  }

  /** A list for a message, cut short so that a wide view does not bury the point. */
  static String names(List<String> names) {
    int shown = 30;
    String listed = String.join(", ", names.subList(0, Math.min(shown, names.size())));
    return names.size() > shown ? listed + ", ... (" + (names.size() - shown) + " more)" : listed;
  }
}

package io.junctionsql.planner.semantic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Turns one column of an entity's {@code elements} into a {@link SemanticElement}. */
final class ElementReader {
  /** Enough for any sensible chain of derived types, and a stop for a cycle. */
  private static final int MAX_TYPE_DEPTH = 16;

  private final CsnDefinitions definitions;

  ElementReader(CsnDefinitions definitions) {
    this.definitions = definitions;
  }

  SemanticElement read(String name, JsonNode node, I18nLabels labels) {
    boolean key = CsnValues.isTrue(node.get("key"));
    Optional<String> measureType = CsnValues.symbol(node.get("@AnalyticsDetails.measureType"));
    Optional<Aggregation> aggregation =
        CsnValues.symbol(node.get("@Aggregation.default")).map(Aggregation::fromSymbol);
    Optional<String> foreignKeyAssociation = CsnValues.elementName(node.get("@ObjectModel.foreignKey.association"));
    boolean measure = measureType.isPresent() || aggregation.filter(Aggregation::marksMeasure).isPresent();
    boolean dimension = CsnValues.isTrue(node.get("@Analytics.dimension")) || foreignKeyAssociation.isPresent();
    return new SemanticElement(
        name,
        type(node),
        key,
        CsnValues.isTrue(node.get("notNull")),
        labels.label(node),
        role(key, measure, dimension),
        measureType,
        aggregation,
        CsnValues.elementName(node.get("@Semantics.amount.currencyCode")),
        CsnValues.elementName(node.get("@Semantics.quantity.unitOfMeasure")),
        CsnValues.isTrue(node.get("@Semantics.currencyCode")),
        CsnValues.isTrue(node.get("@Semantics.unitOfMeasure")),
        CsnValues.isTrue(node.get("@Semantics.text")),
        CsnValues.isTrue(node.get("@Semantics.language")),
        CsnValues.elementNames(node.get("@ObjectModel.text.element")),
        CsnValues.elementName(node.get("@ObjectModel.text.association")),
        foreignKeyAssociation,
        personalData(node),
        CsnValues.isTrue(node.get("@Semantics.businessDate.from")),
        CsnValues.isTrue(node.get("@Semantics.businessDate.to")),
        false);
  }

  private static ElementRole role(boolean key, boolean measure, boolean dimension) {
    if (measure) {
      return ElementRole.MEASURE;
    }
    if (key) {
      return ElementRole.KEY;
    }
    return dimension ? ElementRole.DIMENSION : ElementRole.ATTRIBUTE;
  }

  private static PersonalData personalData(JsonNode node) {
    Optional<String> semantics = CsnValues.symbol(node.get("@PersonalData.fieldSemantics"));
    boolean sensitive = CsnValues.isTrue(node.get("@PersonalData.isPotentiallySensitive"));
    // Field semantics and sensitivity imply personal data, so the spec does not require the flag with them.
    boolean personal = CsnValues.isTrue(node.get("@PersonalData.isPotentiallyPersonal"))
        || semantics.isPresent() || sensitive;
    return personal ? new PersonalData(true, sensitive, semantics) : PersonalData.NONE;
  }

  /**
   * The column's type. A type named after a definition of the CSN ({@code kind: type}) is followed to the
   * built-in type it derives from; facets written on the element win over the type's.
   */
  Optional<ColumnType> type(JsonNode node) {
    Optional<String> name = CsnValues.text(node.get("type"));
    if (name.isEmpty()) {
      return Optional.empty();
    }
    OptionalInt length = CsnValues.integer(node.get("length"));
    OptionalInt precision = CsnValues.integer(node.get("precision"));
    OptionalInt scale = CsnValues.integer(node.get("scale"));
    String typeName = name.get();
    for (int depth = 0; depth < MAX_TYPE_DEPTH && !typeName.startsWith("cds."); depth++) {
      Optional<JsonNode> derived = definitions.get(typeName).map(CsnDefinition::node)
          .filter(d -> CsnValues.text(d.get("type")).isPresent());
      if (derived.isEmpty()) {
        break;
      }
      JsonNode d = derived.get();
      typeName = d.get("type").textValue();
      length = length.isPresent() ? length : CsnValues.integer(d.get("length"));
      precision = precision.isPresent() ? precision : CsnValues.integer(d.get("precision"));
      scale = scale.isPresent() ? scale : CsnValues.integer(d.get("scale"));
    }
    return Optional.of(new ColumnType(typeName, length, precision, scale));
  }

  /** The foreign key column a managed association implies, typed like the target key it refers to. */
  static SemanticElement generatedForeignKey(String name, Optional<ColumnType> type, String association) {
    return new SemanticElement(name, type, false, false, Optional.empty(), ElementRole.DIMENSION,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, false, false, false,
        List.of(), Optional.empty(), Optional.of(association), PersonalData.NONE, false, false, true);
  }
}

package io.junctionsql.planner.semantic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of an entity and what the CSN says it means. Associations are not columns: see
 * {@link SemanticAssociation}.
 *
 * @param name the column name, case as in the database
 * @param type the CDS type; empty when the CSN gives none
 * @param key part of the primary key ({@code "key": true})
 * @param notNull declared {@code "notNull": true}
 * @param label {@code @EndUserText.label}
 * @param role the part the column plays in analytics
 * @param measureType {@code @AnalyticsDetails.measureType}: BASE, RESTRICTION or CALCULATION
 * @param defaultAggregation {@code @Aggregation.default}
 * @param currencyColumn for an amount, the column holding its currency ({@code @Semantics.amount.currencyCode})
 * @param unitColumn for a quantity, the column holding its unit ({@code @Semantics.quantity.unitOfMeasure})
 * @param currencyCode the column holds currency codes ({@code @Semantics.currencyCode})
 * @param unitOfMeasure the column holds units of measure ({@code @Semantics.unitOfMeasure})
 * @param text the column holds a human-readable text ({@code @Semantics.text})
 * @param language the column holds a language code ({@code @Semantics.language})
 * @param textElements for an ID column, the columns of the same entity holding its text
 *     ({@code @ObjectModel.text.element})
 * @param textAssociation for an ID column, the association to its language-dependent texts
 *     ({@code @ObjectModel.text.association}); see {@link SemanticEntity#textAssociation(String)}
 * @param foreignKeyAssociation the association this column is the foreign key of
 *     ({@code @ObjectModel.foreignKey.association}, or generated for a managed association)
 * @param personalData {@code @PersonalData.*}
 * @param businessDateFrom lower end of a validity interval ({@code @Semantics.businessDate.from})
 * @param businessDateTo upper end of a validity interval ({@code @Semantics.businessDate.to})
 * @param generated not written in the CSN: the foreign key a managed association implies
 */
public record SemanticElement(
    String name,
    Optional<ColumnType> type,
    boolean key,
    boolean notNull,
    Optional<String> label,
    ElementRole role,
    Optional<String> measureType,
    Optional<Aggregation> defaultAggregation,
    Optional<String> currencyColumn,
    Optional<String> unitColumn,
    boolean currencyCode,
    boolean unitOfMeasure,
    boolean text,
    boolean language,
    List<String> textElements,
    Optional<String> textAssociation,
    Optional<String> foreignKeyAssociation,
    PersonalData personalData,
    boolean businessDateFrom,
    boolean businessDateTo,
    boolean generated) {

  public SemanticElement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(measureType, "measureType");
    Objects.requireNonNull(defaultAggregation, "defaultAggregation");
    Objects.requireNonNull(currencyColumn, "currencyColumn");
    Objects.requireNonNull(unitColumn, "unitColumn");
    textElements = List.copyOf(textElements);
    Objects.requireNonNull(textAssociation, "textAssociation");
    Objects.requireNonNull(foreignKeyAssociation, "foreignKeyAssociation");
    Objects.requireNonNull(personalData, "personalData");
  }

  public boolean isMeasure() {
    return role == ElementRole.MEASURE;
  }

  /** The first of {@link #textElements()}: the column to show next to this ID. */
  public Optional<String> textElement() {
    return textElements.stream().findFirst();
  }
}

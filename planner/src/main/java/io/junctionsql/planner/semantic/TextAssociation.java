package io.junctionsql.planner.semantic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an ID column reaches its language-dependent texts: the association named by
 * {@code @ObjectModel.text.association} and what the text entity holds. Joining it without a filter on
 * {@link #languageColumn()} returns one row per language.
 *
 * @param idColumn the annotated ID column of the source entity
 * @param association the association's name; see {@link SemanticEntity#association(String)}
 * @param textEntity the text entity's name
 * @param languageColumn the text entity's language column ({@code @Semantics.language}, or else its only key
 *     column the association does not equate); empty if it has none
 * @param textColumns the text entity's columns marked {@code @Semantics.text}
 */
public record TextAssociation(
    String idColumn, String association, String textEntity, Optional<String> languageColumn,
    List<String> textColumns) {

  public TextAssociation {
    Objects.requireNonNull(idColumn, "idColumn");
    Objects.requireNonNull(association, "association");
    Objects.requireNonNull(textEntity, "textEntity");
    Objects.requireNonNull(languageColumn, "languageColumn");
    textColumns = List.copyOf(textColumns);
  }
}

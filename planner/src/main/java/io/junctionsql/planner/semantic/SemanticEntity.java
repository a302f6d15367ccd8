package io.junctionsql.planner.semantic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entity of the CSN: in Datasphere a view (or table) and, when exposed for consumption, a view the
 * space's database user can read. Lookups scan the lists: entities have tens of columns, and a list keeps
 * the CSN order that JDBC metadata reports.
 *
 * @param name the technical name, which is also the database view's name
 * @param source the CSN file the definition was read from, for messages
 * @param label {@code @EndUserText.label}
 * @param modelingPattern {@code @ObjectModel.modelingPattern}
 * @param exposed {@code @DataWarehouse.consumption.external}: visible over SQL
 * @param parameters the names of the view's input parameters ({@code params}), in order
 * @param elements the columns, in CSN order (generated foreign keys right after their association)
 * @param associations the associations, in CSN order
 * @param textAssociations the text associations of this entity's ID columns
 */
public record SemanticEntity(
    String name,
    String source,
    Optional<String> label,
    ModelingPattern modelingPattern,
    boolean exposed,
    List<String> parameters,
    List<SemanticElement> elements,
    List<SemanticAssociation> associations,
    List<TextAssociation> textAssociations) {

  public SemanticEntity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(modelingPattern, "modelingPattern");
    parameters = List.copyOf(parameters);
    elements = List.copyOf(elements);
    associations = List.copyOf(associations);
    textAssociations = List.copyOf(textAssociations);
  }

  public Optional<SemanticElement> element(String column) {
    return elements.stream().filter(e -> e.name().equals(column)).findFirst();
  }

  public List<String> columnNames() {
    return elements.stream().map(SemanticElement::name).toList();
  }

  /** The primary key's columns in CSN order; empty when the CSN declares no key. */
  public List<String> keyColumns() {
    return elements.stream().filter(SemanticElement::key).map(SemanticElement::name).toList();
  }

  public List<SemanticElement> measures() {
    return elements.stream().filter(SemanticElement::isMeasure).toList();
  }

  public Optional<SemanticAssociation> association(String name) {
    return associations.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The associations a planner may treat as many-to-one joins; see {@link SemanticAssociation#isManyToOne()}. */
  public List<SemanticAssociation> manyToOneAssociations() {
    return associations.stream().filter(SemanticAssociation::isManyToOne).toList();
  }

  /** The text association of an ID column, if it has one. */
  public Optional<TextAssociation> textAssociation(String idColumn) {
    return textAssociations.stream().filter(t -> t.idColumn().equals(idColumn)).findFirst();
  }
}

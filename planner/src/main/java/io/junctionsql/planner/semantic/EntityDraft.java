package io.junctionsql.planner.semantic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * An entity whose columns are read but whose associations are not yet resolved: resolving them needs every
 * other entity's key, so it waits until all files are read.
 */
record EntityDraft(
    CsnDefinition definition,
    Optional<String> label,
    ModelingPattern modelingPattern,
    boolean exposed,
    List<String> parameters,
    List<SemanticElement> columns,
    List<Association> associations) {

  /**
   * An association element as written.
   *
   * @param columnsBefore how many columns precede it, so generated foreign keys can follow it as CDS places them
   */
  record Association(String name, JsonNode node, int columnsBefore) {
  }

  String name() {
    return definition.name();
  }

  List<String> keyColumns() {
    return columns.stream().filter(SemanticElement::key).map(SemanticElement::name).toList();
  }

  Optional<SemanticElement> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  Optional<Association> association(String name) {
    return associations.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}

package io.junctionsql.planner.semantic;

import com.fasterxml.jackson.databind.JsonNode;

/** One named definition and the file it came from. */
record CsnDefinition(String name, JsonNode node, CsnDocument document) {
  String kind() {
    return CsnValues.text(node.get("kind")).orElse("");
  }

  /** Entities are what Datasphere exports for views and tables; older CSN calls views {@code view}. */
  boolean isEntity() {
    return kind().equals("entity") || kind().equals("view");
  }

  CsnPlace place() {
    return CsnPlace.of(document.origin(), name);
  }
}

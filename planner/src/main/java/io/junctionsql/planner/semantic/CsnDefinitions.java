package io.junctionsql.planner.semantic;

import com.fasterxml.jackson.databind.JsonNode;

import io.junctionsql.planner.config.ConfigException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All definitions of the files read, merged by name. Exports include the objects a view depends on, so the
 * same definition often comes in several files: identical copies are one definition, differing copies are an
 * error because Junction cannot tell which one the database has.
 */
final class CsnDefinitions {
  private final Map<String, CsnDefinition> byName = new LinkedHashMap<>();

  void add(CsnDocument document) {
    Iterator<Map.Entry<String, JsonNode>> fields = document.definitions().fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      CsnDefinition added = new CsnDefinition(field.getKey(), field.getValue(), document);
      CsnDefinition earlier = byName.putIfAbsent(added.name(), added);
      if (earlier != null && !earlier.node().equals(added.node())) {
        throw new ConfigException("Definition '" + added.name() + "' is in CSN file " + earlier.document().origin()
            + " and in CSN file " + document.origin() + " with different content. Export both again so they "
            + "agree, or remove the older file.");
      }
    }
  }

  Optional<CsnDefinition> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  List<CsnDefinition> entities() {
    return byName.values().stream().filter(CsnDefinition::isEntity).toList();
  }
}

package io.junctionsql.planner.semantic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads annotation values leniently. Exports write the same annotation in several shapes (an enum as
 * {@code {"#": "SUM"}} or {@code "SUM"}, an element reference as {@code {"=": "Currency"}}, {@code "Currency"}
 * or {@code {"ref": ["Currency"]}}); a shape Junction cannot read counts as absent instead of failing the load.
 */
final class CsnValues {
  private CsnValues() {
  }

  static boolean isTrue(JsonNode node) {
    if (node == null) {
      return false;
    }
    return node.isBoolean() ? node.booleanValue() : node.isTextual() && "true".equalsIgnoreCase(node.textValue());
  }

  static Optional<String> text(JsonNode node) {
    return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
  }

  /** An enum value: {@code {"#": "X"}}, {@code "X"} or {@code "#X"}. */
  static Optional<String> symbol(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    JsonNode value = node.isObject() ? node.get("#") : node;
    return text(value).map(s -> s.startsWith("#") ? s.substring(1) : s).filter(s -> !s.isBlank());
  }

  /** A reference to one element: {@code {"=": "X"}}, {@code "X"}, {@code {"ref": ["X"]}}, or a list of those. */
  static Optional<String> elementName(JsonNode node) {
    List<String> names = elementNames(node);
    return names.isEmpty() ? Optional.empty() : Optional.of(names.get(0));
  }

  /** References to elements, as in {@code @ObjectModel.text.element}: a list, or a single reference. */
  static List<String> elementNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    if (node == null) {
      return names;
    }
    if (node.isArray()) {
      node.forEach(item -> singleElementName(item).ifPresent(names::add));
    } else {
      singleElementName(node).ifPresent(names::add);
    }
    return names;
  }

  private static Optional<String> singleElementName(JsonNode node) {
    if (node.isTextual()) {
      return Optional.of(node.textValue()).filter(s -> !s.isBlank());
    }
    if (node.isObject() && node.has("=")) {
      return text(node.get("=")).filter(s -> !s.isBlank());
    }
    if (node.isObject() && node.path("ref").isArray()) {
      List<String> path = new ArrayList<>();
      node.get("ref").forEach(step -> text(step).ifPresent(path::add));
      if (!path.isEmpty() && path.get(0).equals("$self")) {
        path.remove(0);
      }
      return path.isEmpty() ? Optional.empty() : Optional.of(String.join(".", path));
    }
    return Optional.empty();
  }

  static OptionalInt integer(JsonNode node) {
    if (node != null && node.canConvertToInt() && node.isIntegralNumber()) {
      return OptionalInt.of(node.intValue());
    }
    if (node != null && node.isTextual() && node.textValue().matches("\\d{1,9}")) {
      return OptionalInt.of(Integer.parseInt(node.textValue()));
    }
    return OptionalInt.empty();
  }
}

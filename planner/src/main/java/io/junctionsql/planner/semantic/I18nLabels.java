package io.junctionsql.planner.semantic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves labels written as {@code {i18n>KEY}} against the file's {@code "i18n"} bundles. The model holds one
 * label per element, so one bundle is used: English, else the default ({@code ""}), else the first present.
 * A key missing from the bundle leaves the label as written, which still shows where it came from.
 */
final class I18nLabels {
  static final I18nLabels NONE = new I18nLabels(null);

  private static final Pattern REFERENCE = Pattern.compile("\\{i18n>([^}]+)}");

  private final JsonNode bundle;

  private I18nLabels(JsonNode bundle) {
    this.bundle = bundle;
  }

  static I18nLabels from(JsonNode document) {
    JsonNode bundles = document.path("i18n");
    if (!bundles.isObject() || bundles.isEmpty()) {
      return NONE;
    }
    for (String language : new String[] {"en", ""}) {
      if (bundles.path(language).isObject()) {
        return new I18nLabels(bundles.get(language));
      }
    }
    Iterator<JsonNode> first = bundles.elements();
    JsonNode bundle = first.next();
    return bundle.isObject() ? new I18nLabels(bundle) : NONE;
  }

  /** The {@code @EndUserText.label} of a definition or element node. */
  Optional<String> label(JsonNode node) {
    return CsnValues.text(node.get("@EndUserText.label")).map(this::resolve);
  }

  private String resolve(String label) {
    Matcher m = REFERENCE.matcher(label);
    if (bundle == null || !m.matches()) {
      return label;
    }
    return CsnValues.text(bundle.get(m.group(1))).orElse(label);
  }
}

package io.junctionsql.planner.security;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks the {@code policies:} section, so that a wrong rule stops the gateway from opening. */
public final class PolicyParser {
  private static final List<String> KEYS = List.of("name", "users", "groups", "read", "deny", "hide", "mask",
      "row_filters");
  private static final String TABLE = "source.schema.table";
  private static final String COLUMN = "source.schema.table.column";

  private PolicyParser() {
  }

  /**
   * @param section the {@code policies:} section, or null when the config has none
   * @param sources the configured source names, which patterns must refer to
   */
  public static Policies parse(ConfigNode section, Set<String> sources) {
    if (section == null) {
      return Policies.NONE;
    }
    List<PolicyRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode node : section.items("policy rules")) {
      PolicyRule rule = rule(node, sources);
      if (!names.add(rule.name())) {
        throw new ConfigException(node.pathOf("name") + ": another rule is named '" + rule.name()
            + "'; give each rule its own name, which messages use.");
      }
      rules.add(rule);
    }
    return new Policies(rules);
  }

  private static PolicyRule rule(ConfigNode node, Set<String> sources) {
    node.allowOnly(KEYS, "a policy rule");
    String name = node.requiredString("name");
    Set<String> users = new LinkedHashSet<>(node.stringList("users"));
    Set<String> groups = new LinkedHashSet<>(node.stringList("groups"));
    if (users.isEmpty() && groups.isEmpty()) {
      throw new ConfigException(node.path() + ": rule '" + name + "' is for nobody; add users: [...] or groups: [...]"
          + " (groups: [\"*\"] is everyone).");
    }
    List<RowFilter> filters = new ArrayList<>();
    ConfigNode filterNode = node.child("row_filters");
    for (Map.Entry<String, String> e : filterNode.stringMap().entrySet()) {
      String path = filterNode.pathOf(e.getKey());
      filters.add(RowFilter.parse(name, path, NamePattern.parse(e.getKey(), TABLE, path, sources), e.getValue()));
    }
    List<PolicyRule.ColumnMask> masks = new ArrayList<>();
    ConfigNode maskNode = node.child("mask");
    for (Map.Entry<String, String> e : maskNode.stringMap().entrySet()) {
      String path = maskNode.pathOf(e.getKey());
      masks.add(new PolicyRule.ColumnMask(NamePattern.parse(e.getKey(), COLUMN, path, sources),
          Mask.parse(e.getValue(), path)));
    }
    return new PolicyRule(name, users, groups, patterns(node, "read", TABLE, sources),
        patterns(node, "deny", TABLE, sources), patterns(node, "hide", COLUMN, sources), masks, filters);
  }

  private static List<NamePattern> patterns(ConfigNode node, String key, String shape, Set<String> sources) {
    List<NamePattern> out = new ArrayList<>();
    List<String> texts = node.stringList(key);
    for (int i = 0; i < texts.size(); i++) {
      out.add(NamePattern.parse(texts.get(i), shape, node.pathOf(key) + "[" + i + "]", sources));
    }
    return out;
  }
}

package io.junctionsql.planner.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads and validates a gateway's YAML file. */
public final class ConfigLoader {
  /** Names the gateway keeps for its own schemas. */
  public static final Set<String> RESERVED_NAMES = Set.of("junction", "metadata");

  private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final YAMLMapper YAML = new YAMLMapper();

  private final Map<String, SourceConfigParser> kinds;
  private final Map<String, String> environment;

  /**
   * @param kinds the source kinds this build offers, each with its parser
   * @param environment what {@code ${env:NAME}} reads
   */
  public ConfigLoader(Map<String, SourceConfigParser> kinds, Map<String, String> environment) {
    this.kinds = kinds;
    this.environment = environment;
  }

  public GatewayConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + file + " does not exist. Pass the path of a gateway YAML file, "
          + "for example jdbc:junction:config=/etc/junction/junction.yaml.");
    } catch (IOException e) {
      throw new ConfigException("config file " + file + " cannot be read (" + e.getClass().getSimpleName()
          + "). Check that Junction may read it.");
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(file, text, base);
  }

  public GatewayConfig parse(Path file, String yaml, Path baseDirectory) {
    String where = file == null ? "config" : "config file " + file;
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String location = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new ConfigException(where + " is not valid YAML" + location + ": " + e.getOriginalMessage());
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new ConfigException(where + " is empty. It needs at least a 'sources:' mapping.");
    }
    if (!tree.isObject()) {
      throw new ConfigException(where + ": the top level must be a mapping with a 'sources:' key.");
    }
    ConfigNode root = new ConfigNode(tree, "", new References(environment, baseDirectory));
    root.allowOnly(List.of("sources", "server", "policies", "query-memory", "optimizer"), "the gateway");
    if (!root.has("sources") || root.child("sources").children().isEmpty()) {
      throw new ConfigException("sources: missing or empty. Describe at least one source, for example\n"
          + "sources:\n  sap:\n    kind: jdbc\n    url: jdbc:postgresql://host:5432/db");
    }
    Map<String, SourceConfig> sources = new LinkedHashMap<>();
    Set<String> lowerNames = new TreeSet<>();
    for (Map.Entry<String, ConfigNode> e : root.child("sources").children().entrySet()) {
      String name = e.getKey();
      ConfigNode node = e.getValue();
      if (!SOURCE_NAME.matcher(name).matches()) {
        throw new ConfigException(node.path() + ": '" + name + "' is not a valid source name; use letters, digits "
            + "and underscores, starting with a letter.");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (RESERVED_NAMES.contains(lower)) {
        throw new ConfigException(node.path() + ": the name '" + name + "' is reserved for Junction's own schema; "
            + "choose another source name.");
      }
      if (!lowerNames.add(lower)) {
        throw new ConfigException(node.path() + ": another source has the same name in another case; source names "
            + "must differ regardless of case.");
      }
      String kind = node.requiredString("kind");
      SourceConfigParser parser = kinds.get(kind);
      if (parser == null) {
        String nearest = Suggestions.nearest(kind, kinds.keySet());
        throw new ConfigException(node.pathOf("kind") + ": unknown source kind '" + kind + "'."
            + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
            + " This build offers: " + String.join(", ", new TreeSet<>(kinds.keySet())) + ".");
      }
      sources.put(name, parser.parse(name, node));
    }
    return new GatewayConfig(file, sources, root.has("server") ? root.child("server") : null,
        root.section("policies"), root.bytes("query-memory", GatewayConfig.DEFAULT_QUERY_MEMORY,
            GatewayConfig.MIN_QUERY_MEMORY), OptimizerConfig.parse(root.child("optimizer")));
  }
}

package io.junctionsql.planner.config;

/** Reads the settings of one source kind from its mapping in the config. */
@FunctionalInterface
public interface SourceConfigParser {
  SourceConfig parse(String name, ConfigNode node);
}

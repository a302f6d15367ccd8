package io.junctionsql.planner.config;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;

/** The configuration is wrong; the message names the key path and how to fix it. */
public class ConfigException extends JunctionException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(SqlStates.CONFIG_ERROR, message);
  }

  public ConfigException(String message, Throwable cause) {
    super(SqlStates.CONFIG_ERROR, message, cause);
  }
}

package io.junctionsql.planner.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:PATH}} references inside config values, so that
 * secrets live in the environment or in mounted files rather than in the YAML.
 */
public final class References {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");

  private final Map<String, String> environment;
  private final Path baseDirectory;

  /**
   * @param environment the variables {@code ${env:...}} reads (normally {@link System#getenv()})
   * @param baseDirectory where relative {@code ${file:...}} paths start (the config file's folder)
   */
  public References(Map<String, String> environment, Path baseDirectory) {
    this.environment = environment;
    this.baseDirectory = baseDirectory;
  }

  /** Where relative paths in the config start. */
  public Path baseDirectory() {
    return baseDirectory;
  }

  /** Returns {@code raw} with every reference replaced; {@code keyPath} names the key in errors. */
  public String resolve(String keyPath, String raw) {
    Matcher m = REFERENCE.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String kind = m.group(1);
      String target = m.group(2).trim();
      if (target.isEmpty()) {
        throw new ConfigException(keyPath + ": the reference ${" + kind + ":} names nothing; write ${"
            + kind + ":" + (kind.equals("env") ? "NAME" : "PATH") + "}");
      }
      String value = kind.equals("env") ? fromEnvironment(keyPath, target) : fromFile(keyPath, target);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String fromEnvironment(String keyPath, String name) {
    String value = environment.get(name);
    if (value == null) {
      throw new ConfigException(keyPath + ": environment variable " + name
          + " is not set. Set it in Junction's environment, or change the reference ${env:" + name + "}.");
    }
    return value;
  }

  private String fromFile(String keyPath, String pathText) {
    Path path = baseDirectory.resolve(pathText);
    try {
      String content = Files.readString(path, StandardCharsets.UTF_8);
      // Mounted secrets usually end with a newline that is not part of the secret.
      return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
          : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    } catch (IOException e) {
      throw new ConfigException(keyPath + ": cannot read the file " + path + " named by ${file:" + pathText
          + "} (" + e.getClass().getSimpleName() + "). Check that it exists and that Junction may read it.");
    }
  }
}

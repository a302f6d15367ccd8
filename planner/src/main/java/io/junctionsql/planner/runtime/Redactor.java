package io.junctionsql.planner.runtime;

import io.junctionsql.planner.config.Secret;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it leaves Junction: every configured secret value, and anything
 * that looks like a credential parameter in a URL. The last line of defence; code should not put
 * secrets in messages in the first place.
 */
public final class Redactor {
  private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
      "(?i)((?:password|passwd|pwd|secret|token|accesstoken|access_token|client_secret)\\s*[=:]\\s*)([^;&\\s,)\"']+)");
  /** Shorter secrets would scrub ordinary words out of messages; such passwords are weak anyway. */
  private static final int MIN_SCRUBBED_LENGTH = 4;

  private final List<String> secrets;

  public Redactor(Collection<Secret> secrets) {
    List<String> values = new ArrayList<>();
    for (Secret s : secrets) {
      if (s.reveal().length() >= MIN_SCRUBBED_LENGTH) {
        values.add(s.reveal());
      }
    }
    // Longest first, so that a secret containing another is removed whole.
    values.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(values);
  }

  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "****");
    }
    Matcher m = CREDENTIAL_PARAMETER.matcher(out);
    return m.find() ? m.replaceAll("$1****") : out;
  }
}

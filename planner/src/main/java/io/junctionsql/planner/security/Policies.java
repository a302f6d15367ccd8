package io.junctionsql.planner.security;

import java.util.List;

/** The gateway's {@code policies:}, in order: the first rule that is for an identity decides its access. */
public final class Policies {
  /** A gateway without a {@code policies:} section: every identity reads everything. */
  public static final Policies NONE = new Policies(null);

  /** Null for {@link #NONE}. */
  private final List<PolicyRule> rules;

  Policies(List<PolicyRule> rules) {
    this.rules = rules == null ? null : List.copyOf(rules);
  }

  public boolean enabled() {
    return rules != null;
  }

  public List<PolicyRule> rules() {
    return rules == null ? List.of() : rules;
  }

  /** What the identity may read: with policies and no rule for it, nothing (default deny). */
  public Access access(Identity identity) {
    if (rules == null) {
      return new Access(identity, null, null);
    }
    PolicyRule rule = rules.stream().filter(r -> r.matches(identity)).findFirst().orElse(null);
    return new Access(identity, this, rule);
  }
}

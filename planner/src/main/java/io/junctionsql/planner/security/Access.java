package io.junctionsql.planner.security;

import java.util.List;
import java.util.Optional;

/**
 * What one identity may read under the gateway's policies: everything (no {@code policies:} section),
 * nothing (no rule is for it), or what the first rule that is for it says.
 */
public final class Access {
  private final Identity identity;
  /** Null when the gateway has no policies. */
  private final Policies policies;
  /** Null when no rule is for the identity (or there are no policies). */
  private final PolicyRule rule;

  Access(Identity identity, Policies policies, PolicyRule rule) {
    this.identity = identity;
    this.policies = policies;
    this.rule = rule;
  }

  public Identity identity() {
    return identity;
  }

  /** Whether nothing is restricted: the gateway has no policies. */
  public boolean unrestricted() {
    return policies == null;
  }

  /** The name of the rule that applies, for messages; empty when none does. */
  public Optional<String> ruleName() {
    return Optional.ofNullable(rule).map(PolicyRule::name);
  }

  public boolean readable(String source, String schema, String table) {
    return unrestricted() || rule != null && rule.readable(source, schema, table);
  }

  /** Whether some readable table may lie below these names; false means there is surely none. */
  public boolean mayHoldReadable(String... names) {
    return unrestricted() || rule != null && rule.mayHoldReadable(names);
  }

  public boolean hidden(String source, String schema, String table, String column) {
    return rule != null && rule.hidden(source, schema, table, column);
  }

  public Optional<Mask> mask(String source, String schema, String table, String column) {
    return rule == null ? Optional.empty() : rule.mask(source, schema, table, column);
  }

  public List<RowFilter> rowFilters(String source, String schema, String table) {
    return rule == null ? List.of() : rule.rowFilters(source, schema, table);
  }

  @Override public String toString() {
    return identity + (unrestricted() ? " (no policies)" : rule == null ? " (no rule)" : " (rule " + rule.name() + ")");
  }
}

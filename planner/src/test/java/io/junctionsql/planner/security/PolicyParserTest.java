package io.junctionsql.planner.security;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigLoader;
import io.junctionsql.planner.config.GatewayConfig;
import io.junctionsql.planner.source.SourceKinds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policies section as the config file writes it: what it grants, and every mistake it refuses with its path. */
class PolicyParserTest {
  private static final String SOURCES = "sources:\n  pg:\n    kind: jdbc\n    url: jdbc:postgresql://h/db\n"
      + "  lake:\n    kind: delta\n    location: /tmp/lake\n";
  @TempDir Path dir;

  private Policies parse(String policies) {
    GatewayConfig config = new ConfigLoader(SourceKinds.parsers(), Map.of())
        .parse(dir.resolve("junction.yaml"), SOURCES + policies, dir);
    return PolicyParser.parse(config.policies(), config.sources().keySet());
  }

  private static final String EXAMPLE = "policies:\n"
      + "  - name: analysts\n"
      + "    users: [alice]\n"
      + "    groups: [analysts]\n"
      + "    read: [\"pg.public.*\", \"lake.sales.orders\"]\n"
      + "    deny: [\"pg.public.salaries\"]\n"
      + "    hide: [\"pg.public.customer.c_phone\"]\n"
      + "    mask:\n"
      + "      pg.public.customer.c_name: redact\n"
      + "      pg.public.customer.c_acctbal: \"null\"\n"
      + "    row_filters:\n"
      + "      pg.public.orders: \"o_orderpriority = '1-URGENT' OR o_custkey = 7\"\n"
      + "  - name: everyone-else\n"
      + "    groups: [\"*\"]\n"
      + "    read: [\"lake.*.*\"]\n";

  @Test void theFirstRuleForAnIdentityDecides() {
    Policies p = parse(EXAMPLE);
    Access alice = p.access(new Identity("alice", Set.of()));
    assertThat(alice.ruleName()).contains("analysts");
    assertThat(alice.readable("pg", "public", "customer")).isTrue();
    assertThat(alice.readable("PG", "Public", "CUSTOMER")).as("names match regardless of case").isTrue();
    assertThat(alice.readable("pg", "public", "salaries")).as("deny wins over read").isFalse();
    assertThat(alice.readable("lake", "marketing", "events")).as("only the first matching rule applies").isFalse();
    assertThat(alice.hidden("pg", "public", "customer", "c_phone")).isTrue();
    assertThat(alice.mask("pg", "public", "customer", "c_name")).contains(Mask.REDACT);
    assertThat(alice.mask("pg", "public", "customer", "c_acctbal")).contains(Mask.NULL);
    assertThat(alice.rowFilters("pg", "public", "orders")).hasSize(1);
    assertThat(p.access(new Identity("dave", Set.of("analysts"))).ruleName()).contains("analysts");
    Access other = p.access(new Identity("zoe", Set.of()));
    assertThat(other.ruleName()).as("groups: [*] is everyone, even without groups").contains("everyone-else");
    assertThat(other.readable("lake", "marketing", "events")).isTrue();
    assertThat(other.readable("pg", "public", "customer")).isFalse();
  }

  @Test void noRuleMeansNothingAndNoSectionMeansEverything() {
    Policies p = parse("policies:\n  - name: a\n    users: [alice]\n    read: [\"*.*.*\"]\n");
    Access bob = p.access(new Identity("bob", Set.of("staff")));
    assertThat(bob.ruleName()).isEmpty();
    assertThat(bob.unrestricted()).isFalse();
    assertThat(bob.mayHoldReadable("pg")).isFalse();
    assertThat(bob.readable("pg", "public", "customer")).isFalse();
    Access anyone = PolicyParser.parse(null, Set.of("pg")).access(Identity.EMBEDDED);
    assertThat(anyone.unrestricted()).isTrue();
    assertThat(anyone.readable("pg", "x", "y")).isTrue();
  }

  @Test void mistakesNameTheirPath() {
    assertRefused("policies:\n  pg: {}\n", "policies: expected a list of policy rules");
    assertRefused("policies:\n  - name: a\n    users: [x]\n    raed: [\"pg.a.b\"]\n",
        "policies[0].raed: unknown key for a policy rule. Did you mean 'read'?");
    assertRefused("policies:\n  - users: [x]\n", "policies[0].name: missing");
    assertRefused("policies:\n  - name: a\n    read: [\"pg.a.b\"]\n", "policies[0]: rule 'a' is for nobody");
    assertRefused("policies:\n  - name: a\n    users: [x]\n  - name: a\n    users: [y]\n",
        "policies[1].name: another rule is named 'a'");
    assertRefused("policies:\n  - name: a\n    users: [x]\n    read: [\"pg.public\"]\n",
        "policies[0].read[0]: 'pg.public' is not a source.schema.table pattern");
    assertRefused("policies:\n  - name: a\n    users: [x]\n    read: [\"pg..t\"]\n", "policies[0].read[0]:");
    assertRefused("policies:\n  - name: a\n    users: [x]\n    deny: [\"pgg.public.t\"]\n",
        "policies[0].deny[0]: 'pgg.public.t' names source 'pgg', which is not configured");
    assertRefused("policies:\n  - name: a\n    users: [x]\n    hide: [\"pg.public.t\"]\n",
        "policies[0].hide[0]: 'pg.public.t' is not a source.schema.table.column pattern");
    assertRefused("policies:\n  - name: a\n    users: [x]\n    mask:\n      pg.public.t.c: blur\n",
        "policies[0].mask.pg.public.t.c: 'blur' is not a mask");
    assertRefused("policies:\n  - name: a\n    users: [x]\n    mask:\n      pg.public.t.c: null\n",
        "is not a mask; write redact or \"null\" (in quotes");
    assertRefused("policies:\n  - name: a\n    users: [x]\n    row_filters:\n      pg.public.t: \"a = = 1\"\n",
        "policies[0].row_filters.pg.public.t: the row filter does not parse");
    assertRefused("policies:\n  - name: a\n    users: [x]\n    row_filters:\n      pg.public.t: \"upper(a) = 'X'\"\n",
        "policies[0].row_filters.pg.public.t: the row filter uses UPPER, which row filters do not offer");
    assertRefused("policies:\n  - name: a\n    users: [x]\n    row_filters:\n      pg.public.t: \"t.a = 1\"\n",
        "the qualified name t.a");
    assertRefused("policies:\n  - name: a\n    users: [x]\n    row_filters:\n      pg.public.t: \"a IN (SELECT b FROM x)\"\n",
        "policies[0].row_filters.pg.public.t: the row filter uses");
  }

  @Test void theOfferedGrammarParses() {
    Policies p = parse("policies:\n  - name: a\n    users: [x]\n    row_filters:\n"
        + "      pg.public.t: \"NOT (a IN (1, -2) OR b BETWEEN 1.5 AND 2e3) AND c LIKE 'x%' AND d IS NOT NULL"
        + " AND e = CURRENT_USER AND f >= DATE '2024-01-01' AND g <> TIMESTAMP '2024-01-01 10:00:00' AND h IS NULL"
        + " AND i NOT BETWEEN 1 AND 2 AND j NOT IN ('a') AND k NOT LIKE 'y' AND l = TRUE\"\n");
    assertThat(p.rules().get(0).rowFilters()).hasSize(1);
  }

  private void assertRefused(String policies, String message) {
    assertThatThrownBy(() -> parse(policies)).isInstanceOf(ConfigException.class).hasMessageContaining(message);
  }
}

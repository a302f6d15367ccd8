package io.junctionsql.planner.runtime;

import io.junctionsql.planner.config.Secret;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
  @Test void removesConfiguredSecretsWherever_they_appear() {
    Redactor r = new Redactor(List.of(Secret.of("hunter2hunter2"), Secret.of("abc")));
    assertThat(r.scrub("login failed with hunter2hunter2 for x")).isEqualTo("login failed with **** for x");
    // Too short to scrub without destroying ordinary words.
    assertThat(r.scrub("abc def")).isEqualTo("abc def");
  }

  @Test void removesCredentialParametersFromUrls() {
    Redactor r = new Redactor(List.of());
    assertThat(r.scrub("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
    assertThat(r.scrub("jdbc:sap://h:443/?PWD=s3cret;encrypt=true")).isEqualTo("jdbc:sap://h:443/?PWD=****;encrypt=true");
    assertThat(r.scrub("token: eyJabc.def")).isEqualTo("token: ****");
  }

  @Test void keepsOrdinaryText() {
    Redactor r = new Redactor(List.of(Secret.of("topsecret")));
    assertThat(r.scrub("Source 'sap' is unreachable")).isEqualTo("Source 'sap' is unreachable");
    assertThat(r.scrub(null)).isNull();
  }
}

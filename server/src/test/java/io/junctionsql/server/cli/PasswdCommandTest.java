package io.junctionsql.server.cli;

import io.junctionsql.server.auth.PasswordHash;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PasswdCommandTest {
  record Run(int exit, String out, String err) {
  }

  private static synchronized Run run(String stdin, String... args) {
    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      return new Run(JunctionCli.run(args), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(in);
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test void hashesTheFirstLineOfStdin() {
    Run r = run("s3cret pässword\nignored\n", "passwd", "--stdin");
    assertThat(r.exit()).as(r.err()).isZero();
    String hash = r.out().trim();
    assertThat(hash).startsWith("pbkdf2-sha256$310000$").doesNotContain("s3cret");
    assertThat(PasswordHash.verify("s3cret pässword".toCharArray(), hash)).isTrue();
  }

  @Test void anEmptyPasswordIsRefused() {
    Run r = run("", "passwd", "--stdin");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("empty");
  }

  @Test void withoutAConsoleItAsksForStdin() {
    // Tests run without a console, as a pipe does.
    Run r = run("pw\n", "passwd");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--stdin");
  }
}

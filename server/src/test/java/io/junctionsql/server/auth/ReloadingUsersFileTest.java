package io.junctionsql.server.auth;

import io.junctionsql.planner.config.ConfigException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReloadingUsersFileTest {
  @TempDir Path dir;

  private final FakeClock clock = new FakeClock();

  private void write(Path file, String yaml, int second) throws Exception {
    Files.writeString(file, yaml);
    // Explicit times: two writes within one clock tick of the file system must still count as a change.
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + second * 1000L));
  }

  private static String user(String name) {
    return "users:\n  " + name + ":\n    password: \"" + UsersFileTest.ALICE_HASH + "\"\n";
  }

  @Test void picksUpAChangedFileAfterTheCheckInterval() throws Exception {
    Path file = dir.resolve("users.yaml");
    write(file, user("alice"), 0);
    ReloadingUsersFile users = new ReloadingUsersFile(file, clock);
    assertThat(users.get().user("alice")).isPresent();

    write(file, user("bob"), 1);
    assertThat(users.get().user("alice")).as("not looked at again yet").isPresent();
    clock.advance(Duration.ofSeconds(3));
    assertThat(users.get().user("alice")).isEmpty();
    assertThat(users.get().user("bob")).isPresent();
  }

  @Test void aBrokenEditKeepsThePreviousVersion() throws Exception {
    Path file = dir.resolve("users.yaml");
    write(file, user("alice"), 0);
    ReloadingUsersFile users = new ReloadingUsersFile(file, clock);
    write(file, "users:\n  alice:\n    password: plain\n", 1);
    clock.advance(Duration.ofSeconds(3));
    assertThat(users.get().user("alice")).isPresent();
  }

  @Test void aBrokenFileFailsAtStart() throws Exception {
    Path file = dir.resolve("users.yaml");
    write(file, "users:\n  alice:\n    password: plain\n", 0);
    assertThatThrownBy(() -> new ReloadingUsersFile(file, clock)).isInstanceOf(ConfigException.class);
  }
}

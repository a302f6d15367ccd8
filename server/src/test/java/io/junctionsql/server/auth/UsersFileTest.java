package io.junctionsql.server.auth;

import io.junctionsql.planner.config.ConfigException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersFileTest {
  static final String ALICE_HASH = PasswordHash.hash("alice-pw".toCharArray(), 1_000);

  @TempDir Path dir;

  @Test void readsUsersWithGroups() throws Exception {
    Path file = dir.resolve("users.yaml");
    Files.writeString(file, "users:\n  alice:\n    password: \"" + ALICE_HASH + "\"\n    groups: [analysts, finance]\n"
        + "  bob:\n    password: '" + ALICE_HASH + "'\n");
    UsersFile users = UsersFile.load(file);
    assertThat(users.size()).isEqualTo(2);
    assertThat(users.user("alice")).get().satisfies(u -> {
      assertThat(u.groups()).containsExactlyInAnyOrder("analysts", "finance");
      assertThat(u.passwordHash()).isEqualTo(ALICE_HASH);
      assertThat(u.toString()).doesNotContain(ALICE_HASH);
    });
    assertThat(users.user("bob").orElseThrow().groups()).isEmpty();
    assertThat(users.user("carol")).isEmpty();
  }

  @Test void plainTextPasswordIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> UsersFile.parse(Path.of("users.yaml"), "users:\n  alice:\n    password: hunter2\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("user 'alice'")
        .hasMessageContaining("junction passwd")
        .hasMessageNotContaining("hunter2");
  }

  @Test void missingPasswordIsRefused() {
    assertThatThrownBy(() -> UsersFile.parse(Path.of("users.yaml"), "users:\n  alice:\n    groups: [a]\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("user 'alice'");
  }

  @Test void wrongShapesAreNamed() {
    assertThatThrownBy(() -> UsersFile.parse(Path.of("u.yaml"), "alice: x\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("users:");
    assertThatThrownBy(() -> UsersFile.parse(Path.of("u.yaml"),
        "users:\n  alice:\n    password: \"" + ALICE_HASH + "\"\n    group: [a]\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'group'");
    assertThatThrownBy(() -> UsersFile.parse(Path.of("u.yaml"),
        "users:\n  alice:\n    password: \"" + ALICE_HASH + "\"\n    groups: analysts\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'groups' must be a list");
    assertThatThrownBy(() -> UsersFile.parse(Path.of("u.yaml"),
        "users:\n  \"a:b\":\n    password: \"" + ALICE_HASH + "\"\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("':'");
  }

  @Test void missingFileIsNamed() {
    assertThatThrownBy(() -> UsersFile.load(dir.resolve("nope.yaml")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("nope.yaml").hasMessageContaining("users_file");
  }
}

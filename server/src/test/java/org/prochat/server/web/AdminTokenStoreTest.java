package org.prochat.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin token is made once, kept private in the data directory, and the same on every start. */
class AdminTokenStoreTest {
  @TempDir
  Path dataDir;

  private AdminTokenStore store() {
    return new AdminTokenStore(dataDir, new SecureRandom());
  }

  @Test
  void theFirstStartGeneratesATokenAndKeepsItReadableByTheOwnerOnly() throws IOException {
    AdminTokenStore.Loaded first = store().load();

    assertThat(first.generated()).isTrue();
    assertThat(first.token().reveal()).hasSizeGreaterThanOrEqualTo(43);
    Path file = dataDir.resolve(AdminTokenStore.FILE_NAME);
    assertThat(Files.readString(file).strip()).isEqualTo(first.token().reveal());
    assumeThat(file.getFileSystem().supportedFileAttributeViews()).contains("posix");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.list(dataDir)).as("no temporary file left behind").containsExactly(file);
  }

  @Test
  void laterStartsReadTheSameTokenWithoutShowingItAgain() throws IOException {
    AdminToken first = store().load().token();

    AdminTokenStore.Loaded again = store().load();

    assertThat(again.generated()).isFalse();
    assertThat(again.token().matches(first.reveal())).isTrue();
  }

  @Test
  void aTokenFileCopiedWithLoosePermissionsIsMadePrivateAgain() throws IOException {
    Path file = Files.writeString(dataDir.resolve(AdminTokenStore.FILE_NAME), "kept-token-0123456789abcdef\n");
    assumeThat(file.getFileSystem().supportedFileAttributeViews()).contains("posix");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(store().load().token().matches("kept-token-0123456789abcdef")).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void aFileWithoutAValidTokenFailsAndNamesTheFile() throws IOException {
    Files.writeString(dataDir.resolve(AdminTokenStore.FILE_NAME), "short\n");

    assertThatThrownBy(() -> store().load()).isInstanceOf(IOException.class)
        .hasMessageContaining(AdminTokenStore.FILE_NAME).hasMessageContaining("delete it");
  }

  @Test
  void aTokenMatchesOnlyItselfAndNeverShowsInToString() {
    AdminToken token = AdminToken.of("exactly-this-token-42");

    assertThat(token.matches("exactly-this-token-42")).isTrue();
    assertThat(token.matches("exactly-this-token-4")).isFalse();
    assertThat(token.matches("exactly-this-token-421")).isFalse();
    assertThat(token.matches(null)).isFalse();
    assertThat(token.toString()).doesNotContain("exactly");
  }

  @Test
  void aShortTokenOrOneACookieCannotCarryIsRefused() {
    assertThatThrownBy(() -> AdminToken.of("too-short")).hasMessageContaining("16");
    assertThatThrownBy(() -> AdminToken.of("has spaces and; semicolons")).hasMessageContaining("letters, digits");
  }
}

package org.prochat.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity and whisper keys survive restarts, stay private, and a broken file is a clear error. */
class KeysAtRestTest {
  @TempDir
  Path dir;

  @Test
  void theIdentityIsMadeOnceAndTheSameOneComesBack() throws IOException {
    Path file = dir.resolve("data/identity.key");
    IdentityKey first = IdentityKey.loadOrCreate(file);
    IdentityKey again = IdentityKey.loadOrCreate(file);

    assertThat(again.publicKey()).isEqualTo(first.publicKey());
    assertThat(again.fingerprint()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(file)).startsWith("# ProChat coordinator identity");
  }

  @Test
  void aDamagedIdentityFileIsRefusedNamingTheFile() throws IOException {
    Path file = dir.resolve("identity.key");
    Files.writeString(file, "# ProChat\nnot a key\nnor this\n");

    assertThatThrownBy(() -> IdentityKey.loadOrCreate(file)).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aWhisperKeyOpensWhatWasSealedForItAndNobodyElseDoes() throws Exception {
    WhisperKey alice = WhisperKey.loadOrCreate(dir.resolve("alice.key"));
    WhisperKey bob = WhisperKey.loadOrCreate(dir.resolve("bob.key"));
    WhisperKey mallory = WhisperKey.generate();

    String box = WhisperBox.seal(alice, bob.publicKey(), "the cake is in the fridge");

    WhisperKey bobAfterRestart = WhisperKey.loadOrCreate(dir.resolve("bob.key"));
    assertThat(WhisperBox.open(bobAfterRestart, alice.publicKey(), box)).isEqualTo("the cake is in the fridge");
    assertThatThrownBy(() -> WhisperBox.open(mallory, alice.publicKey(), box)).isInstanceOf(CryptoFailure.class);
    // Passed off as coming from someone else, it does not open either.
    assertThatThrownBy(() -> WhisperBox.open(bob, mallory.publicKey(), box)).isInstanceOf(CryptoFailure.class);
  }

  @Test
  void theReplayWindowTakesEachNumberOnceAndForgetsOnlyWhatIsTooOld() {
    ReplayWindow window = new ReplayWindow();

    assertThat(window.accept(5)).isTrue();
    assertThat(window.accept(3)).isTrue();
    assertThat(window.accept(5)).isFalse();
    assertThat(window.accept(3)).isFalse();
    assertThat(window.accept(5 + ReplayWindow.SIZE)).isTrue();
    assertThat(window.accept(5)).as("too old to tell: refused").isFalse();
    assertThat(window.accept(7)).as("within the window and never seen").isTrue();
    assertThat(window.accept(-1)).isFalse();
  }
}

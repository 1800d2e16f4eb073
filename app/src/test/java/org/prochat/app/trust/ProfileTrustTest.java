package org.prochat.app.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.client.ClientTrust;
import org.prochat.client.ServerAddress;
import org.prochat.crypto.IdentityKey;

class ProfileTrustTest {
  @TempDir
  Path profile;

  private Path settings() {
    return profile.resolve("settings.properties");
  }

  @Test
  void theWhisperKeyIsMadeOnFirstUseAndTheSameOnEveryRunAfter() throws Exception {
    String first = ProfileTrust.load(settings()).whisperKey().publicKey();

    assertThat(profile.resolve("whisper.key")).isRegularFile();
    assertThat(ProfileTrust.load(settings()).whisperKey().publicKey()).isEqualTo(first);
  }

  @Test
  void anIdentityPinnedInOneRunIsPinnedInTheNext() throws Exception {
    ServerAddress server = new ServerAddress("chat.lan", 9090);
    String key = IdentityKey.generate().publicKey();

    ProfileTrust.load(settings()).pins().pin(server, key);
    ClientTrust nextRun = ProfileTrust.load(settings());

    assertThat(profile.resolve("identity-pins.properties")).isRegularFile();
    assertThat(nextRun.pins().pinned(server)).contains(key);
  }

  @Test
  void aDamagedWhisperKeyIsRefusedWithASentenceNamingTheFileAndWhatToDo() throws Exception {
    Files.writeString(profile.resolve("whisper.key"), "not a key\n");

    assertThatIOException().isThrownBy(() -> ProfileTrust.load(settings()))
        .withMessageStartingWith("cannot use your whisper key " + profile.resolve("whisper.key"))
        .withMessageContaining("remove it to get a new one");
  }

  @Test
  void aDamagedPinFileIsRefusedWithASentenceNamingIt() throws Exception {
    Files.writeString(profile.resolve("identity-pins.properties"), "chat.lan\\:9090=\\uZZZZ\n");

    assertThatIOException().isThrownBy(() -> ProfileTrust.load(settings()))
        .withMessageStartingWith("cannot read the coordinator identities you trust from "
            + profile.resolve("identity-pins.properties"));
  }
}

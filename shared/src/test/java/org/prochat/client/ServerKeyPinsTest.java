package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins are per server, survive restarts of the app, and a new pin replaces the old one. */
class ServerKeyPinsTest {
  @TempDir
  Path dir;

  @Test
  void aPinIsKeptPerServerAndComesBackFromTheFile() throws Exception {
    Path file = dir.resolve("profile/pins.properties");
    ServerKeyPins pins = ServerKeyPins.inFile(file);
    pins.pin(new ServerAddress("Chat.Example", 9090), "key-one");
    pins.pin(new ServerAddress("chat.example", 9191), "key-two");

    ServerKeyPins reread = ServerKeyPins.inFile(file);

    assertThat(reread.pinned(new ServerAddress("chat.example", 9090))).contains("key-one");
    assertThat(reread.pinned(new ServerAddress("chat.example", 9191))).contains("key-two");
    assertThat(reread.pinned(new ServerAddress("other.example", 9090))).isEmpty();
    reread.pin(new ServerAddress("chat.example", 9090), "key-three");
    assertThat(ServerKeyPins.inFile(file).pinned(new ServerAddress("chat.example", 9090))).contains("key-three");
  }
}

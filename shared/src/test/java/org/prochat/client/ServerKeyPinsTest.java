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

  @Test
  void twoAppsOfOneUserKeepEachOthersPins() throws Exception {
    Path file = dir.resolve("pins.properties");
    ServerKeyPins console = ServerKeyPins.inFile(file);
    ServerKeyPins desktop = ServerKeyPins.inFile(file);

    console.pin(new ServerAddress("a.example", 9090), "key-a");
    desktop.pin(new ServerAddress("b.example", 9090), "key-b");

    ServerKeyPins reread = ServerKeyPins.inFile(file);
    assertThat(reread.pinned(new ServerAddress("a.example", 9090))).contains("key-a");
    assertThat(reread.pinned(new ServerAddress("b.example", 9090))).contains("key-b");
  }
}

package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.protocol.Ack;

/** An admin restarts the coordinator: a client that is to come back does, and nothing is lost. */
class CoordinatorRestartTest {
  @TempDir
  Path dataDir;
  private LiveCoordinator coordinator;

  @AfterEach
  void stop() {
    if (coordinator != null) {
      coordinator.close();
    }
  }

  @Test
  void aClientThatComesBackAfterShutdownRejoinsTheRestartedRoomAndCatchesUp() throws Exception {
    int port = freePort();
    coordinator = LiveCoordinator.start(dataDir, settings -> settings.chatPort(port));
    RecordingListener heard = new RecordingListener();
    ChatClient alice = ChatClient.connect(coordinator.address(), "alice", heard,
        ChatClientOptions.DEFAULTS.withHeartbeatInterval(Duration.ofMillis(500)).withReconnectAfterShutdown(true))
        .get(10, TimeUnit.SECONDS);
    alice.say("before the restart").get(10, TimeUnit.SECONDS);

    coordinator.close();
    coordinator = LiveCoordinator.start(dataDir, settings -> settings.chatPort(port));
    RecordingListener.Reconnected back = heard.awaitFirst(RecordingListener.Reconnected.class, r -> true);
    Ack after = alice.say("after the restart").get(10, TimeUnit.SECONDS);

    assertThat(back.welcome().nick()).isEqualTo("alice");
    assertThat(after.status()).isEqualTo(Ack.Status.POSTED);
    assertThat(heard.awaitMessage("after the restart").history()).isFalse();
    assertThat(heard.messages()).extracting(m -> m.text()).containsOnlyOnce("before the restart", "after the restart");
    assertThat(heard.all(RecordingListener.Disconnected.class)).isEmpty();
    alice.quit().get(10, TimeUnit.SECONDS);
  }

  @Test
  void byDefaultAShutdownEndsTheSession() throws Exception {
    coordinator = LiveCoordinator.start(dataDir);
    RecordingListener heard = new RecordingListener();
    ChatClient.connect(coordinator.address(), "script", heard).get(10, TimeUnit.SECONDS);

    coordinator.close();

    assertThat(heard.awaitFirst(RecordingListener.Disconnected.class, d -> true).reason()).contains("shutting down");
    assertThat(heard.all(RecordingListener.Reconnecting.class)).isEmpty();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prochat.app.testkit.RecordingListener.PATIENCE;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.app.testkit.RecordingListener.Seen;
import org.prochat.protocol.Leave;
import org.prochat.server.overlay.OverlayLimits;

/** A client that aborts looks like a program that crashed: links gone, no goodbye. */
class ClientAbortTest {
  @TempDir
  Path dataDir;

  private LiveCoordinator coordinator;

  @BeforeEach
  void startCoordinator() throws Exception {
    // A short grace period: a lost user is announced gone soon after its link closes.
    coordinator = LiveCoordinator.start(dataDir,
        settings -> settings.overlay(new OverlayLimits(4, 64, 6, Duration.ofMillis(300))));
  }

  @AfterEach
  void stop() {
    coordinator.close();
  }

  @Test
  void anAbortedClientIsLostNotGone() {
    RecordingListener alice = new RecordingListener();
    ChatClient aliceClient = ChatClient.connect(coordinator.address(), "alice", alice).join();
    ChatClient bob = ChatClient.connect(coordinator.address(), "bob", new RecordingListener()).join();

    assertThat(bob.abort()).succeedsWithin(PATIENCE);

    // Said goodbye, bob would leave at once "quit"; lost, he leaves after the grace period.
    Seen left = alice.awaitFirst(Seen.class, s -> s.event() instanceof Leave l && l.nick().equals("bob"));
    assertThat(((Leave) left.event()).reason()).isEqualTo("connection lost");
    aliceClient.quit().join();
  }
}

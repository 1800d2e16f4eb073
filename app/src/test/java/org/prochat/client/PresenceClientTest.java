package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.app.testkit.RecordingListener.Seen;
import org.prochat.protocol.Ack;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.Presence;

/**
 * Sealed clients in a room that batches presence from two users on, with end-to-end whispers: the
 * presence events come through the signed chain, and their whisper keys are enough to whisper.
 */
class PresenceClientTest {
  @TempDir
  Path dataDir;

  private LiveCoordinator coordinator;
  private final List<ChatClient> clients = new ArrayList<>();

  @BeforeEach
  void startCoordinator() throws Exception {
    coordinator = LiveCoordinator.start(dataDir, settings -> settings.presenceBatchFrom(2).privateEndToEnd(true));
  }

  @AfterEach
  void stopEverything() {
    clients.forEach(ChatClient::quit);
    coordinator.close();
  }

  @Test
  void aNewcomerAnnouncedByPresenceCanBeWhisperedEndToEnd() {
    RecordingListener alice = new RecordingListener();
    RecordingListener carol = new RecordingListener();
    ChatClient aliceClient = join("alice", alice);
    join("bob", new RecordingListener());
    join("carol", carol);

    Seen announced = alice.awaitFirst(Seen.class, seen -> seen.event() instanceof Presence p
        && p.joined().stream().anyMatch(came -> came.nick().equals("carol")));
    Ack ack = aliceClient.whisper("carol", "psst").join();

    assertThat(announced.history()).isFalse();
    assertThat(((Presence) announced.event()).joined()).allSatisfy(came -> assertThat(came.wkey()).isNotBlank());
    assertThat(ack.status()).isEqualTo(Ack.Status.DELIVERED);
    assertThat(carol.awaitFirst(PrivateMessage.class, pm -> true).text()).isEqualTo("psst");
  }

  private ChatClient join(String nick, RecordingListener listener) {
    ChatClient client = ChatClient.connect(coordinator.address(), nick, listener).join();
    clients.add(client);
    return client;
  }
}

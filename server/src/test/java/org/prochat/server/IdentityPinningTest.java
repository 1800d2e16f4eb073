package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ChatListener;
import org.prochat.client.ClientTrust;
import org.prochat.client.ServerAddress;
import org.prochat.client.ServerKeyChangedException;
import org.prochat.client.ServerKeyPins;
import org.prochat.crypto.IdentityKey;
import org.prochat.crypto.WhisperKey;
import org.prochat.protocol.Join;
import org.prochat.protocol.RoomEvent;

/**
 * Clients pin the coordinator's identity on first contact; the same coordinator (its key kept in the
 * data directory) is recognised after a restart, and another key is refused until the user accepts it.
 */
class IdentityPinningTest extends RunningCoordinator {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final ServerKeyPins pins = ServerKeyPins.inMemory();

  @Test
  void theFirstContactPinsTheIdentityAndARestartedCoordinatorIsRecognised() throws Exception {
    start();
    IdentityListener listener = new IdentityListener();
    connect("alice", listener).quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    int port = coordinator.chatPort();
    coordinator.close();
    start(settings -> settings.chatPort(port)); // pins are per host and port: the same server again
    connect("alice", listener).quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    String fingerprint = coordinatorIdentity().fingerprint();
    assertThat(pins.pinned(address())).contains(coordinatorIdentity().publicKey());
    assertThat(listener.heard).containsSubsequence("identity " + fingerprint + " first=true",
        "identity " + fingerprint + " first=false");
  }

  @Test
  void aChangedIdentityIsRefusedUntilTheUserAcceptsIt() throws Exception {
    start();
    String presented = coordinatorIdentity().fingerprint();
    String someoneElse = IdentityKey.generate().publicKey();
    pins.pin(address(), someoneElse);
    IdentityListener listener = new IdentityListener();

    Throwable refused = catchThrowable(() -> connect("alice", listener));

    assertThat(refused).isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(
        ServerKeyChangedException.class, changed -> {
          assertThat(changed.presentedFingerprint()).isEqualTo(presented);
          assertThat(changed.getMessage()).contains("different identity");
          pins.pin(address(), changed.presentedKey());
        });
    assertThat(listener.heard).isEmpty();
    ChatClient bob = connect("bob", new IdentityListener());
    ChatClient watcher = connect("watcher", listener);
    assertThat(bob.nick()).isEqualTo("bob");
    assertThat(listener.heard).as("the refused alice never joined the room")
        .noneMatch(line -> line.equals("join alice"));
    bob.quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    watcher.quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private ChatClient connect(String nick, ChatListener listener) throws Exception {
    ChatClientOptions options = ChatClientOptions.DEFAULTS.withTrust(new ClientTrust(pins, WhisperKey.generate()));
    return ChatClient.connect(address(), nick, listener, options).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  private IdentityKey coordinatorIdentity() throws Exception {
    return IdentityKey.loadOrCreate(dataDir.resolve(Coordinator.IDENTITY_FILE));
  }

  private ServerAddress address() {
    return new ServerAddress("127.0.0.1", coordinator.chatPort());
  }

  private static final class IdentityListener implements ChatListener {
    final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void onServerIdentity(String fingerprint, boolean firstContact) {
      heard.add("identity " + fingerprint + " first=" + firstContact);
    }

    @Override
    public void onRoomEvent(RoomEvent event, boolean history) {
      if (event instanceof Join join) {
        heard.add("join " + join.nick());
      }
    }
  }
}

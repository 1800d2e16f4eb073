package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.prochat.app.testkit.RecordingListener.PATIENCE;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.app.testkit.RecordingListener.Disconnected;
import org.prochat.app.testkit.RecordingListener.Seen;
import org.prochat.app.testkit.RecordingListener.Welcomed;
import org.prochat.protocol.Ack;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.Users;

/** The client session core against a real coordinator on loopback. */
class ChatClientTest {
  @TempDir
  Path dataDir;

  private LiveCoordinator coordinator;
  private final List<ChatClient> clients = new ArrayList<>();

  @BeforeEach
  void startCoordinator() throws Exception {
    coordinator = LiveCoordinator.start(dataDir);
  }

  @AfterEach
  void stopEverything() {
    clients.forEach(ChatClient::quit);
    coordinator.close();
  }

  @Test
  void aClientIsWelcomedWithTheNicknameItAskedFor() {
    RecordingListener alice = new RecordingListener();

    ChatClient client = join("alice", alice);

    assertThat(client.nick()).isEqualTo("alice");
    assertThat(alice.all(Welcomed.class)).singleElement()
        .satisfies(w -> assertThat(w.askedNick()).isEqualTo("alice"));
    alice.awaitFirst(Users.class, users -> true);
  }

  @Test
  void aTakenNicknameGetsAVariantAndTheListenerLearnsBoth() {
    join("alice", new RecordingListener());
    RecordingListener second = new RecordingListener();

    ChatClient client = join("alice", second);

    assertThat(client.nick()).startsWith("alice").isNotEqualTo("alice");
    assertThat(second.all(Welcomed.class)).singleElement()
        .satisfies(w -> assertThat(w.askedNick()).isEqualTo("alice"));
  }

  @Test
  void aPostIsAckedWithItsSeqAndEveryoneSeesItLiveIncludingTheSender() {
    RecordingListener alice = new RecordingListener();
    RecordingListener bob = new RecordingListener();
    ChatClient aliceClient = join("alice", alice);
    join("bob", bob);

    Ack ack = aliceClient.say("hello room").join();

    assertThat(ack.status()).isEqualTo(Ack.Status.POSTED);
    assertThat(ack.seq()).isPositive();
    for (RecordingListener someone : List.of(alice, bob)) {
      Seen seen = someone.awaitMessage("hello room");
      assertThat(seen.history()).isFalse();
      assertThat(seen.event()).isEqualTo(new Message(ack.seq(), seen.event().ts(), "alice", ack.id(), "hello room"));
    }
  }

  @Test
  void eventsFromBeforeJoiningAreMarkedAsHistoryAndLaterOnesAsLive() {
    ChatClient alice = join("alice", new RecordingListener());
    alice.say("before bob").join();
    RecordingListener bob = new RecordingListener();

    join("bob", bob);
    alice.say("after bob").join();

    assertThat(bob.awaitMessage("before bob").history()).isTrue();
    assertThat(bob.awaitMessage("after bob").history()).isFalse();
    assertThat(bob.awaitFirst(Seen.class, s -> s.event() instanceof Join j && j.nick().equals("bob")).history())
        .isFalse();
  }

  @Test
  void roomEventsArriveInSeqOrderWithoutRepeats() {
    ChatClient alice = join("alice", new RecordingListener());
    RecordingListener bob = new RecordingListener();
    join("bob", bob);

    List<CompletableFuture<Ack>> acks = new ArrayList<>();
    for (int i = 0; i < 15; i++) { // within the coordinator's flood burst
      acks.add(alice.say("line " + i));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    bob.awaitMessage("line 14");

    List<Long> seqs = bob.all(Seen.class).stream().map(s -> s.event().seq()).toList();
    assertThat(seqs).isSorted().doesNotHaveDuplicates();
    assertThat(bob.messages()).extracting(Message::text).endsWith("line 13", "line 14");
  }

  @Test
  void aWhisperIsDeliveredToItsRecipientAndAcked() {
    RecordingListener bob = new RecordingListener();
    ChatClient alice = join("alice", new RecordingListener());
    join("bob", bob);

    Ack ack = alice.whisper("bob", "psst").join();

    assertThat(ack.status()).isEqualTo(Ack.Status.DELIVERED);
    PrivateMessage whisper = bob.awaitFirst(PrivateMessage.class, pm -> true);
    assertThat(whisper.from()).isEqualTo("alice");
    assertThat(whisper.text()).isEqualTo("psst");
    assertThat(whisper.stored()).isFalse();
  }

  @Test
  void aWhisperToSomeoneNeverSeenFailsWithUnknownUser() {
    ChatClient alice = join("alice", new RecordingListener());

    CompletableFuture<Ack> whisper = alice.whisper("nobody", "hello?");

    assertThat(whisper).failsWithin(PATIENCE).withThrowableThat().havingCause()
        .isInstanceOfSatisfying(ChatRefusedException.class,
            refused -> assertThat(refused.error().code()).isEqualTo(ErrorCode.UNKNOWN_USER));
  }

  @Test
  void aCommandIsRunByTheCoordinatorAndItsOutputArrivesAsANotice() {
    RecordingListener alice = new RecordingListener();
    ChatClient client = join("alice", alice);

    Ack ack = client.say("/online").join();

    assertThat(ack.status()).isEqualTo(Ack.Status.DONE);
    assertThat(alice.awaitFirst(Notice.class, n -> true).text()).contains("alice");
  }

  @Test
  void allAckedCompletesOnceEverythingSentWasAcked() {
    ChatClient alice = join("alice", new RecordingListener());
    List<CompletableFuture<Ack>> acks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      acks.add(alice.say("burst " + i));
    }

    alice.allAcked().join();

    assertThat(acks).allSatisfy(ack -> assertThat(ack).isCompleted());
  }

  @Test
  void aReservedNicknameIsRefusedWithItsCode() {
    CompletableFuture<ChatClient> connecting =
        ChatClient.connect(coordinator.address(), "*mallory", new RecordingListener());

    assertThat(connecting).failsWithin(PATIENCE).withThrowableThat().havingCause()
        .isInstanceOfSatisfying(ChatRefusedException.class,
            refused -> assertThat(refused.error().code()).isEqualTo(ErrorCode.NICK_RESERVED));
  }

  @Test
  void anInvalidNicknameIsRefusedWithItsCode() {
    CompletableFuture<ChatClient> connecting =
        ChatClient.connect(coordinator.address(), "two words", new RecordingListener());

    assertThat(connecting).failsWithin(PATIENCE).withThrowableThat().havingCause()
        .isInstanceOfSatisfying(ChatRefusedException.class,
            refused -> assertThat(refused.error().code()).isEqualTo(ErrorCode.NICK_INVALID));
  }

  @Test
  void aPortNobodyListensOnFailsWithALinkErrorNamingTheAddress() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    ServerAddress nowhere = new ServerAddress("127.0.0.1", closedPort);

    CompletableFuture<ChatClient> connecting = ChatClient.connect(nowhere, "alice", new RecordingListener());

    assertThat(connecting).failsWithin(PATIENCE).withThrowableThat().havingCause()
        .isInstanceOf(ChatLinkException.class)
        .withMessageContaining("cannot connect to 127.0.0.1:" + closedPort);
  }

  @Test
  void quittingTellsTheRoomAndTheListenerThatItWasAsked() {
    RecordingListener alice = new RecordingListener();
    RecordingListener bob = new RecordingListener();
    join("alice", alice);
    ChatClient bobClient = join("bob", bob);

    bobClient.quit("lunch").join();

    alice.awaitFirst(Seen.class, s -> s.event() instanceof Leave l && l.nick().equals("bob") && l.reason().equals("lunch"));
    assertThat(bob.awaitFirst(Disconnected.class, d -> true)).isEqualTo(new Disconnected("lunch", true));
  }

  @Test
  void aCoordinatorShuttingDownDisconnectsWithItsReason() {
    RecordingListener alice = new RecordingListener();
    ChatClient client = join("alice", alice);

    coordinator.close();

    Disconnected disconnected = alice.awaitFirst(Disconnected.class, d -> true);
    assertThat(disconnected.requested()).isFalse();
    assertThat(disconnected.reason()).contains("shutting down");
    assertThat(client.say("anyone?")).failsWithin(PATIENCE);
  }

  @Test
  void heartbeatsMeasureTheRoundTrip() {
    ChatClientOptions fastBeat = ChatClientOptions.DEFAULTS.withHeartbeatInterval(Duration.ofMillis(50));
    ChatClient alice = ChatClient.connect(coordinator.address(), "alice", new RecordingListener(), fastBeat).join();
    clients.add(alice);

    await().atMost(PATIENCE).until(() -> alice.roundTrip().isPresent());

    assertThat(alice.roundTrip().orElseThrow()).isPositive().isLessThan(PATIENCE);
  }

  @Test
  void clientsCanShareAnEventLoopGroupThatOutlivesThem() {
    EventLoopGroup shared = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      ChatClientOptions onShared = ChatClientOptions.DEFAULTS.withEventLoopGroup(shared);
      ChatClient alice = ChatClient.connect(coordinator.address(), "alice", new RecordingListener(), onShared).join();
      ChatClient bob = ChatClient.connect(coordinator.address(), "bob", new RecordingListener(), onShared).join();

      alice.quit().join();

      assertThat(shared.isShuttingDown()).isFalse();
      assertThat(bob.say("still here")).succeedsWithin(PATIENCE);
      bob.quit().join();
    } finally {
      shared.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  private ChatClient join(String nick, RecordingListener listener) {
    ChatClient client = ChatClient.connect(coordinator.address(), nick, listener).join();
    clients.add(client);
    return client;
  }
}

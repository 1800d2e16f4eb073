package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Bye;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Replay;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Say;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;

class RoomTest extends RunningCoordinator {

  @BeforeEach
  void startCoordinator() throws Exception {
    start(settings -> settings.historyOnJoin(5).heartbeatTimeout(Duration.ofSeconds(2)));
  }

  @Test
  void threeClientsChatAndAllSeeTheSameOrder() throws Exception {
    RawClient alice = join("alice");
    RawClient bob = join("bob");
    RawClient carol = join("carol");
    alice.await(Join.class, j -> j.nick().equals("carol"));
    bob.await(Join.class, j -> j.nick().equals("carol"));

    for (int i = 0; i < 5; i++) {
      alice.send(new Say("a" + i, "alice " + i));
      bob.send(new Say("b" + i, "bob " + i));
      carol.send(new Say("c" + i, "carol " + i));
    }

    List<List<String>> orders = List.of(alice, bob, carol).stream().map(RoomTest::fifteenMessages).toList();
    assertThat(orders.get(0)).hasSize(15).isEqualTo(orders.get(1)).isEqualTo(orders.get(2));
  }

  private static List<String> fifteenMessages(RawClient client) {
    for (int i = 0; i < 15; i++) {
      client.await(Message.class);
    }
    List<Message> messages = client.seen(Message.class);
    assertThat(messages).extracting(Message::seq).isSorted().doesNotHaveDuplicates();
    return messages.stream().map(m -> m.seq() + " " + m.from() + ": " + m.text()).toList();
  }

  @Test
  void theSenderSeesItsOwnMessageAndAnAckWithItsNumber() throws Exception {
    RawClient alice = join("alice");

    alice.send(new Say("m1", "hello"));

    Message echoed = alice.await(Message.class);
    Ack ack = alice.await(Ack.class);
    assertThat(echoed.from()).isEqualTo("alice");
    assertThat(echoed.id()).isEqualTo("m1");
    assertThat(ack).isEqualTo(new Ack(alice.welcome().sid(), "m1", Ack.Status.POSTED, echoed.seq()));
  }

  @Test
  void aResentIdIsPostedOnceAndAcknowledgedAsDuplicate() throws Exception {
    RawClient alice = join("alice");
    RawClient bob = join("bob");

    alice.send(new Say("same-id", "only once"));
    alice.send(new Say("same-id", "only once"));
    alice.send(new Say("next", "after"));

    bob.await(Message.class, m -> m.text().equals("after"));
    assertThat(bob.seen(Message.class)).extracting(Message::text).containsExactly("only once", "after");
    Ack duplicate = alice.await(Ack.class, a -> a.status() == Ack.Status.DUPLICATE);
    assertThat(duplicate.seq()).isEqualTo(bob.seen(Message.class).getFirst().seq());
  }

  @Test
  void aTakenNicknameGetsANumericSuffixWhichTheWelcomeTells() throws Exception {
    join("alice");

    RawClient second = join("ALICE");

    assertThat(second.nick()).matches("ALICE\\d{3}");
  }

  @Test
  void aRelayNameFromAnOrdinaryClientIsRefusedAndTheClientMayTryAgain() throws Exception {
    RawClient client = connect();

    client.send(new Hello(ProtocolLimits.VERSION, "*mallory"));
    assertThat(client.await(ErrorFrame.class).code()).isEqualTo(ErrorCode.NICK_RESERVED);
    client.send(new Hello(ProtocolLimits.VERSION, "mallory"));

    assertThat(client.await(Welcome.class).nick()).isEqualTo("mallory");
  }

  @Test
  void anInvalidNicknameIsRefusedWithTheReason() throws Exception {
    RawClient client = connect();

    client.send(new Hello(ProtocolLimits.VERSION, "two words"));

    ErrorFrame error = client.await(ErrorFrame.class);
    assertThat(error.code()).isEqualTo(ErrorCode.NICK_INVALID);
    assertThat(error.message()).contains("spaces");
  }

  @Test
  void joinsAndLeavesKeepEveryUserListCurrent() throws Exception {
    RawClient alice = join("alice");
    RawClient bob = join("bob");
    Users bobsSnapshot = bob.await(Users.class);
    assertThat(bobsSnapshot.nicks()).containsExactly("alice");

    RawClient carol = join("carol");
    assertThat(carol.await(Users.class).nicks()).containsExactly("alice", "bob");
    carol.send(new Say("q", "/quit see you"));

    Leave leave = alice.await(Leave.class);
    assertThat(leave.nick()).isEqualTo("carol");
    assertThat(leave.reason()).isEqualTo("see you");
    assertThat(alice.seen(Join.class)).extracting(Join::nick).containsExactly("alice", "bob", "carol");
    carol.await(Bye.class);
    carol.awaitClosed();
  }

  @Test
  void anAbruptDisconnectIsAnnounced() throws Exception {
    RawClient alice = join("alice");
    RawClient bob = join("bob");
    alice.await(Join.class, j -> j.nick().equals("bob"));

    bob.drop();

    assertThat(alice.await(Leave.class).reason()).isEqualTo("connection lost");
  }

  @Test
  void aLinkThatFallsSilentIsTimedOutAndAnnounced() throws Exception {
    RawClient alice = join("alice");
    RawClient silent = join("silent");

    // alice keeps her link alive; silent says nothing after joining (a half-open connection).
    long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
    Leave leave = null;
    while (leave == null && System.nanoTime() < until) {
      alice.send(new org.prochat.protocol.Ping(null, 1));
      leave = awaitLeaveBriefly(alice);
    }

    assertThat(leave).isNotNull();
    assertThat(leave.nick()).isEqualTo("silent");
    assertThat(leave.reason()).isEqualTo("timed out");
    assertThat(silent.await(ErrorFrame.class).code()).isEqualTo(ErrorCode.TIMEOUT);
  }

  private static Leave awaitLeaveBriefly(RawClient client) {
    client.await(org.prochat.protocol.Pong.class);
    List<Leave> leaves = client.seen(Leave.class);
    return leaves.isEmpty() ? null : leaves.getFirst();
  }

  @Test
  void aJoiningUserGetsRecentHistoryAndCanReplayAfterAnyNumber() throws Exception {
    RawClient alice = join("alice");
    for (int i = 1; i <= 8; i++) {
      alice.send(new Say("m" + i, "message " + i));
    }
    alice.await(Ack.class, a -> a.id().equals("m8"));

    RawClient bob = join("bob");
    long joinedAt = bob.welcome().seq();
    List<RoomEvent> history = List.of(bob.await(RoomEvent.class), bob.await(RoomEvent.class), bob.await(RoomEvent.class),
        bob.await(RoomEvent.class), bob.await(RoomEvent.class));
    assertThat(history).extracting(RoomEvent::seq).containsExactly(joinedAt - 4, joinedAt - 3, joinedAt - 2, joinedAt - 1, joinedAt);

    bob.send(new Replay(null, 2));
    Message replayedLast = bob.await(Message.class, m -> m.text().equals("message 8") && bob.seen(Message.class).size() > 5);
    assertThat(replayedLast.seq()).isEqualTo(joinedAt);
    assertThat(bob.seen(Message.class).subList(5, bob.seen(Message.class).size()))
        .extracting(Message::text).containsExactly(
            "message 2", "message 3", "message 4", "message 5", "message 6", "message 7", "message 8");
  }

  @Test
  void whoListsEveryoneAndHelpListsTheCommands() throws Exception {
    RawClient alice = join("alice");
    join("bob");

    alice.send(new Say("w", "/who"));
    assertThat(alice.await(Notice.class).text()).isEqualTo("Online (2): alice, bob");
    assertThat(alice.await(Ack.class).status()).isEqualTo(Ack.Status.DONE);

    alice.send(new Say("h", "/help"));
    assertThat(alice.await(Notice.class).text()).contains("/online", "/msg", "/quit", "/help");
  }

  @Test
  void anUnknownCommandIsAnErrorThatPointsToHelp() throws Exception {
    RawClient alice = join("alice");

    alice.send(new Say("x", "/dance wildly"));

    ErrorFrame error = alice.await(ErrorFrame.class);
    assertThat(error.code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
    assertThat(error.id()).isEqualTo("x");
    assertThat(error.message()).contains("/dance", "/help");
  }

  @Test
  void aDoubleSlashPostsALineThatStartsWithASlash() throws Exception {
    RawClient alice = join("alice");

    alice.send(new Say("s", "//shrug"));

    assertThat(alice.await(Message.class).text()).isEqualTo("/shrug");
  }

  @Test
  void numberingContinuesAfterARestartAndHistorySurvivesIt() throws Exception {
    RawClient alice = join("alice");
    alice.send(new Say("m1", "before the restart"));
    long before = alice.await(Ack.class).seq();

    restart();
    RawClient bob = join("bob");

    assertThat(bob.await(Message.class).text()).isEqualTo("before the restart");
    assertThat(bob.await(Join.class, j -> j.nick().equals("bob")).seq()).isEqualTo(before + 1);
  }

  @Test
  void shuttingDownTellsEveryClient() throws Exception {
    RawClient alice = join("alice");

    coordinator.close();

    assertThat(alice.await(Bye.class).reason()).contains("shutting down");
    alice.awaitClosed();
    coordinator = null;
  }
}

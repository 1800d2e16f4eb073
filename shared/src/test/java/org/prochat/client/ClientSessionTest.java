package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.prochat.crypto.CoordinatorExchange;
import org.prochat.crypto.EventChain;
import org.prochat.crypto.IdentityKey;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Bye;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Identity;
import org.prochat.protocol.Join;
import org.prochat.protocol.Presence;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.protocol.Pong;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Replay;
import org.prochat.protocol.Resume;
import org.prochat.protocol.Say;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;

/** The session without a socket: frames in through {@code receive}, frames out into {@link #sent}. */
class ClientSessionTest {
  private final List<String> heard = new ArrayList<>();
  private final List<Frame> sent = new ArrayList<>();
  private final List<String> trouble = new ArrayList<>();
  private final CoordinatorExchange coordinator = CoordinatorExchange.forRun(IdentityKey.generate());
  private final ClientSession session = newSession(false);

  private ClientSession newSession(boolean reconnectAfterShutdown) {
    ClientSession made = new ClientSession("alice", new DescribingListener(heard), ClientSession.PeerOffer.NONE,
        reconnectAfterShutdown, new SessionKeys(new ServerAddress("localhost", 9090), ClientTrust.ephemeral()));
    made.troubleTo(new ClientSession.Trouble() {
      @Override
      public void forged(String what) {
        trouble.add("forged " + what);
      }

      @Override
      public void gap() {
        trouble.add("gap");
      }

      @Override
      public void branchMoved() {
        trouble.add("branch moved");
      }
    });
    return made;
  }

  @Test
  void anOpenedLinkSaysHelloWithTheProtocolVersionAndTheAskedNickname() {
    open(session);

    assertThat(sent).singleElement().isInstanceOfSatisfying(Hello.class, hello -> {
      assertThat(hello.v()).isEqualTo(ProtocolLimits.VERSION);
      assertThat(hello.nick()).isEqualTo("alice");
      assertThat(hello.resume()).isNull();
      assertThat(hello.kx()).isNotBlank(); // a fresh exchange key, and a whisper key for end-to-end rooms
      assertThat(hello.wkey()).isNotBlank();
    });
  }

  @Test
  void theWelcomeOpensTheSessionAndTellsTheListenerWhichNickWasGranted() {
    open(session);

    Welcome welcome = welcome("alice482", 5);
    session.receive(welcome);

    assertThat(session.welcomed()).isCompletedWithValue(welcome);
    assertThat(heard).containsExactly("identity " + coordinator.identity().fingerprint() + " first=true",
        "welcome alice482 asked alice");
  }

  @Test
  void anErrorBeforeTheWelcomeRefusesTheSessionWithThatError() {
    open(session);
    ErrorFrame reserved = ErrorFrame.of(ErrorCode.NICK_RESERVED, "names starting with '*' are reserved");

    session.receive(reserved);
    session.linkClosed();

    assertThat(session.welcomed().exceptionNow()).isInstanceOf(ChatRefusedException.class)
        .extracting(e -> ((ChatRefusedException) e).error().code()).isEqualTo(ErrorCode.NICK_RESERVED);
    assertThat(heard).noneMatch(line -> line.startsWith("welcome"));
  }

  @Test
  void aLinkThatClosesBeforeTheWelcomeFailsTheSessionWithTheReason() {
    open(session);

    session.receive(new Bye(null, "the server is shutting down"));
    session.linkClosed();

    assertThat(session.welcomed().exceptionNow()).isInstanceOf(ChatLinkException.class)
        .hasMessageContaining("the server is shutting down");
  }

  @Test
  void roomEventsReachTheListenerInOrderMarkedAsHistoryUpToTheWelcome() {
    welcomed(11);

    session.receive(new Users(null, 11, List.of("bob")));
    session.receive(message(10));
    session.receive(message(11));
    session.receive(new Join(12, 0, "alice"));

    assertThat(heard).containsExactly("users [bob]", "message 10 history", "message 11 history", "join 12 live");
  }

  @Test
  void presenceEventsAreRoomEventsInTheSameOrder() {
    welcomed(11);

    session.receive(new Presence(13, 0, List.of(), List.of(new Presence.Left("bob", "quit"))));
    session.receive(new Presence(12, 0, List.of(new Presence.Joined("alice", null)), List.of()));

    assertThat(heard).containsExactly("presence 12 live", "presence 13 live");
  }

  @Test
  void aGapAsksForAReplayAndTheListenerStillSeesEveryEventOnceInOrder() {
    welcomed(0);

    session.receive(message(1));
    session.receive(message(3));
    assertThat(sent).containsExactly(new Replay("s1", 1));
    session.receive(message(2));
    session.receive(message(3));

    assertThat(heard).containsExactly("message 1 live", "message 2 live", "message 3 live");
  }

  @Test
  void aSentFrameWaitsForItsAck() {
    welcomed(0);
    CompletableFuture<Ack> acked = session.say("c-1", "hello room");
    assertThat(sent).containsExactly(new Say(session.sid(), "c-1", "hello room"));
    assertThat(acked).isNotDone();
    session.receive(new Ack(null, "c-1", Ack.Status.POSTED, 1));

    assertThat(acked).isCompletedWithValue(new Ack(null, "c-1", Ack.Status.POSTED, 1));
    assertThat(session.allAcked()).isCompleted();
  }

  @Test
  void aRefusedFrameFailsItsFutureAndTheListenerHearsWhy() {
    welcomed(0);
    CompletableFuture<Ack> acked = session.say("c-1", "spam");

    session.receive(new ErrorFrame(null, ErrorCode.MUTED, "you are muted", "c-1", false));

    assertThat(acked.exceptionNow()).isInstanceOf(ChatRefusedException.class);
    assertThat(heard).containsExactly("error muted you are muted");
  }

  @Test
  void whispersAndNoticesGoStraightToTheListener() {
    welcomed(0);

    session.receive(wire("{\"type\":\"private\",\"ts\":0,\"from\":\"bob\",\"to\":\"alice\",\"text\":\"psst\"}"));
    session.receive(new Notice(null, "Online (2): alice, bob"));

    assertThat(heard).containsExactly("whisper bob psst", "notice Online (2): alice, bob");
  }

  @Test
  void aLostLinkEndsTheSessionFailsWhatWaitsAndTellsTheListener() {
    welcomed(0);
    CompletableFuture<Ack> acked = session.say("c-1", "hello");
    CompletableFuture<Void> allAcked = session.allAcked();

    session.linkClosed();

    assertThat(acked.exceptionNow()).isInstanceOf(ChatLinkException.class);
    assertThat(allAcked).isCompletedExceptionally();
    assertThat(heard).containsExactly("disconnected connection lost requested=false");
    assertThat(session.say("c-2", "anyone?")).isCompletedExceptionally();
  }

  @Test
  void theCoordinatorsByeReasonIsTheDisconnectReason() {
    welcomed(0);

    session.receive(new Bye(null, "the server is shutting down"));
    session.linkClosed();

    assertThat(heard).containsExactly("disconnected the server is shutting down requested=false");
  }

  @Test
  void aFatalErrorsMessageBeatsTheByeThatFollowsIt() {
    welcomed(0);

    session.receive(ErrorFrame.fatal(ErrorCode.FLOODING, "disconnected for flooding"));
    session.receive(new Bye(null, "flooding"));
    session.linkClosed();

    assertThat(heard).endsWith("disconnected disconnected for flooding requested=false");
  }

  @Test
  void quittingSaysByeAndTheDisconnectIsMarkedAsRequested() {
    welcomed(0);

    session.quit("gone fishing");
    session.receive(new Bye(null, "quit"));
    session.linkClosed();

    assertThat(sent).containsExactly(new Bye("s1", "gone fishing"));
    assertThat(heard).containsExactly("disconnected gone fishing requested=true");
  }

  @Test
  void aLostLinkKeepsTheSessionAndTheNextLinkAsksForItBack() {
    welcomed(0);
    session.receive(wire("{\"type\":\"private\",\"sid\":\"s1\",\"ts\":0,\"from\":\"bob\",\"to\":\"alice\","
        + "\"text\":\"psst\",\"n\":3}"));

    session.linkLost();
    open(session);

    assertThat(sent).singleElement().extracting(frame -> ((Hello) frame).resume()).isEqualTo(new Resume("s1", "t", 3));
    assertThat(heard).doesNotContain("disconnected connection lost requested=false");
  }

  @Test
  void whatWasSentWhileTheLinkWasLostGoesOutOnceResumedFollowedByAReplay() {
    welcomed(0);
    session.receive(message(1));
    CompletableFuture<Ack> before = session.say("c-1", "sent before the loss");
    session.linkLost();
    CompletableFuture<Ack> during = session.say("c-2", "typed while away");
    open(session);
    sent.clear();

    session.receive(resumedWelcome());

    assertThat(sent).containsExactly(new Say("s1", "c-1", "sent before the loss"), new Say("s1", "c-2", "typed while away"),
        new Replay("s1", 1));
    assertThat(before).isNotDone();
    assertThat(during).isNotDone();
    assertThat(heard).contains("reconnected s1 resumed=true");
  }

  @Test
  void aWhisperResentAfterAResumeIsShownOnce() {
    welcomed(0);
    String whisper = "{\"type\":\"private\",\"sid\":\"s1\",\"ts\":0,\"from\":\"bob\",\"to\":\"alice\",\"text\":\"psst\",\"n\":1}";

    session.receive(wire(whisper));
    session.receive(wire(whisper));

    assertThat(heard).containsExactly("whisper bob psst");
  }

  @Test
  void aPongAheadOfTheLastEventAsksForTheMissedEnd() {
    welcomed(0);
    session.receive(message(1));

    session.receive(new Pong("s1", 5, 4));

    assertThat(sent).containsExactly(new Replay("s1", 1));
  }

  @Test
  void aBranchMovedPongAsksAgainAtOnceForTheReplayUnderWayAndResendsWhatWasNotAcknowledged() {
    welcomed(0);
    session.receive(message(1));
    session.receive(message(3)); // a gap: the replay asked for now goes through a proxy that then dies
    CompletableFuture<Ack> acked = session.say("c-1", "on its way through the old route");
    session.receive(new Pong("s1", 5, 3));
    assertThat(sent).as("one replay at a time, and a pong does not ask again")
        .containsExactly(new Replay("s1", 1), new Say("s1", "c-1", "on its way through the old route"));
    sent.clear();

    session.receive(Pong.branchMoved("s1", 4));

    assertThat(sent).containsExactlyInAnyOrder(new Say("s1", "c-1", "on its way through the old route"),
        new Replay("s1", 1));
    assertThat(trouble).contains("branch moved");
    assertThat(acked).isNotDone();
  }

  @Test
  void aBranchMovedPongWithNothingMissingAsksForNoReplay() {
    welcomed(0);
    session.receive(message(1));

    session.receive(Pong.branchMoved("s1", 1));

    assertThat(sent).isEmpty();
    assertThat(heard).containsExactly("message 1 live");
  }

  @Test
  void aPongThatOvertakesTheCheckpointOfEventsThatCameAsksForNoReplay() {
    welcomed(0);
    session.receive(message(1));
    EventChain room = new EventChain();
    session.receive(room.append(message(2)));
    session.receive(room.append(message(3)));

    session.receive(new Pong("s1", 5, 3));
    session.receive(EventChain.sign(coordinator.identity(), room.headSeq(), room.head()));

    assertThat(sent).isEmpty();
    assertThat(heard).containsExactly("message 1 live", "message 2 live", "message 3 live");
  }

  @Test
  void aPongAheadOfTheChainedEventsThatCameAsksForTheRest() {
    welcomed(0);
    session.receive(message(1));
    EventChain room = new EventChain();
    session.receive(room.append(message(2)));

    session.receive(new Pong("s1", 5, 3));

    assertThat(sent).containsExactly(new Replay("s1", 1));
  }

  @Test
  void chainedEventsShowOnceASignedCheckpointReachesThemAndOneAheadOfEverythingAsksForAReplay() {
    welcomed(0);
    EventChain room = new EventChain();

    session.receive(room.append(message(1)));
    assertThat(heard).isEmpty();
    session.receive(EventChain.sign(coordinator.identity(), room.headSeq(), room.head()));
    assertThat(heard).containsExactly("message 1 live");

    room.append(message(2)); // went past this session, on a link it no longer reads
    session.receive(EventChain.sign(coordinator.identity(), room.headSeq(), room.head()));
    assertThat(sent).containsExactly(new Replay("s1", 1));
    assertThat(trouble).isEmpty();
  }

  @Test
  void aCheckpointSignedBySomeoneElseIsForgery() {
    welcomed(0);
    EventChain room = new EventChain();

    session.receive(room.append(message(1)));
    session.receive(EventChain.sign(IdentityKey.generate(), room.headSeq(), room.head()));

    assertThat(heard).isEmpty();
    assertThat(trouble).containsExactly("forged a checkpoint the coordinator did not sign");
  }

  @Test
  void aUserListInSeveralPiecesIsHeardOnceWhole() {
    welcomed(0);

    session.receive(new Users("s1", 0, List.of("bob", "carol"), true));
    session.receive(new Users("s1", 0, List.of("dave"), false));

    assertThat(heard).containsExactly("users [bob, carol, dave]");
  }

  @Test
  void aByeToEveryoneEndsTheSessionUnlessItIsToComeBack() {
    ClientSession comesBack = newSession(true);
    open(comesBack);
    comesBack.receive(welcome("alice", 0));
    welcomed(0);

    Bye shutdown = new Bye(null, "the server is shutting down");
    comesBack.receive(shutdown);
    session.receive(shutdown);

    assertThat(comesBack.ended()).isFalse();
    assertThat(session.ended()).isTrue();
  }

  @Test
  void aNewSessionFromACoordinatorThatLostEventsStartsCountingFromItsNumber() {
    welcomed(0);
    session.receive(message(1));
    session.receive(message(2));
    session.linkLost();
    open(session);

    session.receive(keyed(new Welcome(1, "s9", "alice", 1, "u", false)));
    session.receive(message(2));

    assertThat(heard).containsSubsequence("message 1 live", "message 2 live", "message 2 live");
  }

  private Welcome resumedWelcome() {
    return keyed(new Welcome(1, "s1", "alice", 9, "t", true));
  }

  /** A new link: the coordinator says who it is, and the session says hello. */
  private void open(ClientSession opened) {
    assertThat(opened.identified(new Identity(coordinator.identity().publicKey(), coordinator.exchangeKey(),
        coordinator.signature(), false))).isTrue();
    opened.linkOpened(sent::add, false);
  }

  private void welcomed(long seq) {
    open(session);
    session.receive(welcome("alice", seq));
    sent.clear();
    heard.clear();
  }

  private Welcome welcome(String nick, long seq) {
    return keyed(new Welcome(1, "s1", nick, seq, "t", false));
  }

  /** {@code plain} with the coordinator's keys (its exchange key answers whatever key the hello offered). */
  private Welcome keyed(Welcome plain) {
    return new Welcome(plain.v(), plain.sid(), plain.nick(), plain.seq(), plain.token(), plain.resumed(),
        coordinator.identity().publicKey(), coordinator.exchangeKey(), coordinator.signature(), false);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Frame> T wire(String line) {
    try {
      return (T) FrameCodec.instance().decode(line);
    } catch (FrameDecodingException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static Message message(long seq) {
    return new Message(seq, 0, "bob", "b-" + seq, "text " + seq);
  }
}

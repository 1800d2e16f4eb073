package org.prochat.app.gui.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.prochat.app.gui.FakeChatSession;
import org.prochat.app.gui.TestClock;
import org.prochat.app.gui.chat.ChatLine;
import org.prochat.app.gui.chat.ChatLine.Kind;
import org.prochat.app.gui.chat.UiContext;
import org.prochat.app.gui.whisper.WhisperViewModel;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.protocol.Presence;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;

/** The main window's model, driven as the session would drive it, without a window. */
class RoomViewModelTest {
  private final FakeChatSession session = new FakeChatSession(true);
  private final TestClock clock = new TestClock();
  private final AtomicInteger exits = new AtomicInteger();
  private final List<String> notified = new ArrayList<>();
  private final List<String> shown = new ArrayList<>();
  private final RoomViewModel room = new RoomViewModel(session, new UiContext(Runnable::run, Runnable::run, clock, 100),
      (from, text, show) -> notified.add(from + ": " + text), exits::incrementAndGet);

  RoomViewModelTest() {
    room.whispers().onShowRequest(conversation -> shown.add(conversation.peer()));
  }

  private void welcome(String nick, String asked) {
    room.onWelcome(new Welcome(1, "s1", nick, 0, "t", false), asked);
  }

  @Test
  void aTakenNameIsExplained() {
    welcome("alice482", "alice");

    assertThat(texts(Kind.STATUS)).containsExactly("You are alice482 (alice was taken)");
    assertThat(room.nickProperty().get()).isEqualTo("alice482");
  }

  @Test
  void messagesShowWithEmojiAndOwnMessagesAreMarked() {
    welcome("alice", "alice");
    room.onRoomEvent(new Message(5, 0, "bob", "m1", "hi :)"), false);
    room.onRoomEvent(new Message(6, 0, "alice", "m2", "hello"), false);

    assertThat(room.log().lines()).extracting(ChatLine::kind, ChatLine::nick, ChatLine::text)
        .endsWith(org.assertj.core.groups.Tuple.tuple(Kind.MESSAGE, "bob", "hi 🙂"),
            org.assertj.core.groups.Tuple.tuple(Kind.OWN_MESSAGE, "alice", "hello"));
  }

  @Test
  void liveJoinsAndLeavesUpdateTheUserListButHistoryOnesDoNot() {
    welcome("alice", "alice");
    room.onUsers(new Users(null, 3, List.of("bob")));
    room.onRoomEvent(new Join(2, 0, "old"), true);
    room.onRoomEvent(new Join(4, 0, "carol"), false);
    room.onRoomEvent(new Leave(5, 0, "bob", "quit"), false);

    assertThat(room.users().nicks()).containsExactly("alice", "carol");
    assertThat(texts(Kind.JOIN)).containsExactly("old joined", "carol joined");
    assertThat(texts(Kind.LEAVE)).containsExactly("bob left (quit)");
  }

  @Test
  void aLivePresenceUpdatesTheUserListAndAHistoryOneOnlyShows() {
    welcome("alice", "alice");
    room.onUsers(new Users(null, 3, List.of("bob", "carol")));
    room.onRoomEvent(new Presence(2, 0, List.of(new Presence.Joined("old", null)), List.of()), true);
    room.onRoomEvent(new Presence(4, 0, List.of(new Presence.Joined("dave", null), new Presence.Joined("bob", null)),
        List.of(new Presence.Left("bob", "quit"), new Presence.Left("carol", "quit"))), false);

    assertThat(room.users().nicks()).containsExactly("alice", "bob", "dave");
    assertThat(texts(Kind.JOIN)).containsExactly("old joined", "dave and bob joined");
    assertThat(texts(Kind.LEAVE)).containsExactly("bob and carol left");
  }

  @Test
  void enterSendsTheTypedLineAndCommandsGoToTheCoordinator() {
    welcome("alice", "alice");
    room.input().textProperty().set("hello all");
    room.send();
    room.input().textProperty().set("/online");
    room.send();

    assertThat(session.sent).containsExactly("hello all", "/online");
  }

  @Test
  void noticesAndErrorsShowLineByLine() {
    room.onNotice(new Notice(null, "In the room:\nalice\nbob"));
    room.onError(new ErrorFrame(null, ErrorCode.MUTED, "you are muted for 10 s", "m1", false));

    assertThat(texts(Kind.NOTICE)).containsExactly("In the room:", "alice", "bob");
    assertThat(texts(Kind.ERROR)).containsExactly("you are muted for 10 s");
  }

  @Test
  void msgOpensTheWhisperWindowAndWhispersThere() {
    welcome("alice", "alice");
    room.input().textProperty().set("/msg bob psst");
    room.send();

    assertThat(shown).containsExactly("bob");
    assertThat(session.sent).containsExactly("bob: psst");
    assertThat(room.whispers().conversations()).singleElement().extracting(WhisperViewModel::peer).isEqualTo("bob");
    assertThat(room.log().lines()).noneMatch(line -> line.text().contains("psst"));
  }

  @Test
  void anIncomingWhisperOpensItsWindowAndNotifiesOnlyWhenTheAppIsNotFocused() {
    welcome("alice", "alice");
    room.onPrivateMessage(new PrivateMessage("s1", 0, "bob", "alice", "one", false, 1));
    room.whispers().appFocusedProperty().set(false);
    room.onPrivateMessage(new PrivateMessage("s1", 0, "bob", "alice", "two", false, 2));

    assertThat(shown).containsExactly("bob", "bob");
    assertThat(notified).containsExactly("bob: two");
    assertThat(room.whispers().conversations()).singleElement().satisfies(conversation ->
        assertThat(conversation.log().lines()).extracting(ChatLine::text).containsExactly("one", "two"));
  }

  @Test
  void quitSaysGoodbyeThenExitsOnce() {
    room.input().textProperty().set("/quit lunch");
    room.send();
    room.quit("again");
    assertThat(exits).hasValue(0);

    session.quit.complete(null);

    assertThat(session.sent).containsExactly("quit: lunch");
    assertThat(exits).hasValue(1);
    assertThat(room.status().stateTextProperty().get()).isEqualTo("Leaving…");
  }

  @Test
  void aLostLinkIsShownOnceAndTheReturnToo() {
    welcome("alice", "alice");
    room.onReconnecting(1, Duration.ofSeconds(1));
    room.onReconnecting(2, Duration.ofSeconds(2));
    room.onReconnected(new Welcome(1, "s1", "alice", 9, "t", true));

    assertThat(texts(Kind.STATUS)).containsExactly("You are alice", "Connection lost; reconnecting…", "Reconnected");
    assertThat(room.status().stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void refreshingTheStatusPullsTheRoundTripAndRelayedUsers() {
    welcome("alice", "alice");
    session.roundTrip = Duration.ofMillis(4);
    session.relaying = 2;

    room.refreshStatus();

    assertThat(room.status().routeTextProperty().get()).isEqualTo("direct · 4 ms");
    assertThat(room.status().relayTextProperty().get()).isEqualTo("Relaying for 2 users");
  }

  private List<String> texts(Kind kind) {
    return room.log().lines().stream().filter(line -> line.kind() == kind).map(ChatLine::text).toList();
  }
}

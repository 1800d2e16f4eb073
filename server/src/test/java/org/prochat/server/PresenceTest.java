package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Bye;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.protocol.Presence;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Replay;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Say;
import org.prochat.protocol.Users;

/** A room at or above the batching threshold (three users here) announces joins and leaves together. */
class PresenceTest extends RunningCoordinator {

  @BeforeEach
  void startCoordinator() throws Exception {
    start(settings -> settings.presenceBatchFrom(3));
  }

  @Test
  void belowTheThresholdJoinsComeOneByOneAndAtItTheyComeTogether() throws Exception {
    RawClient alice = join("alice");
    join("bob");
    join("carol");
    join("dave");
    join("erin");

    alice.await(Join.class, j -> j.nick().equals("bob"));
    awaitJoined(alice, "carol", "dave", "erin");

    assertThat(alice.seen(Join.class)).extracting(Join::nick).containsExactly("alice", "bob");
    assertThat(alice.seen(Presence.class)).flatExtracting(Presence::joined).extracting(Presence.Joined::nick)
        .containsExactly("carol", "dave", "erin");
    assertThat(roomEvents(alice)).extracting(RoomEvent::seq).as("one numbering for all events")
        .containsExactlyElementsOf(consecutiveFrom(roomEvents(alice).getFirst().seq(), roomEvents(alice).size()));
  }

  @Test
  void aMessageComesAfterThePendingJoinOfItsSender() throws Exception {
    RawClient alice = join("alice");
    join("bob");
    RawClient carol = join("carol");

    carol.send(new Say("c1", "hello, I am new"));

    Message message = alice.await(Message.class);
    Presence carolCame = alice.seen(Presence.class).stream()
        .filter(p -> p.joined().stream().anyMatch(j -> j.nick().equals("carol"))).findFirst().orElseThrow();
    assertThat(carolCame.seq()).isLessThan(message.seq());
  }

  @Test
  void whoJoinsAndLeavesWithinOneBatchIsAnnouncedNeitherWayButIsGone() throws Exception {
    RawClient alice = join("alice");
    join("bob");
    RawClient carol = connect();

    // Sent together: both arrive well within one batch window.
    carol.send(new Hello(ProtocolLimits.VERSION, "carol"));
    carol.send(new Bye(null, "changed my mind"));
    carol.awaitClosed();
    join("dave");
    awaitJoined(alice, "dave");
    alice.send(new Say("who", "/online"));

    assertThat(alice.await(Notice.class).text()).isEqualTo("Online (3): alice, bob, dave");
    assertThat(alice.seen(Presence.class)).flatExtracting(p -> Stream.concat(
        p.joined().stream().map(Presence.Joined::nick), p.left().stream().map(Presence.Left::nick)).toList())
        .doesNotContain("carol");
    assertThat(alice.seen(Leave.class)).isEmpty();
  }

  @Test
  void aNewcomersListAndTheEventsAfterItMakeExactlyTheRoom() throws Exception {
    RawClient alice = join("alice");
    RawClient bob = join("bob");
    join("carol");
    bob.send(new Bye(null, "lunch"));
    RawClient dave = join("dave");
    join("erin");
    awaitJoined(alice, "dave", "erin");
    awaitLeft(alice, "bob");
    long newest = roomEvents(alice).getLast().seq();
    dave.await(RoomEvent.class, e -> e.seq() == newest);

    assertThat(membersSeenBy(dave, dave.welcome().seq())).containsExactly("alice", "carol", "dave", "erin");
  }

  @Test
  void aNameGivenUpAndTakenAgainLeavesTheRightRoomForEveryone() throws Exception {
    RawClient alice = join("alice");
    join("bob");
    RawClient carol = join("carol");
    long firstCarol = awaitJoined(alice, "carol").seq();

    carol.send(new Bye(null, "new laptop"));
    carol.awaitClosed();
    RawClient newCarol = join("carol");
    // In the same presence event as the leave when within one window, else in the next.
    awaitLeft(alice, "carol");
    long back = alice.seen(Presence.class).stream().filter(p -> p.seq() > firstCarol && joins(p, "carol")).findFirst()
        .orElseGet(() -> alice.await(Presence.class, p -> joins(p, "carol"))).seq();
    newCarol.await(RoomEvent.class, e -> e.seq() == back);

    assertThat(newCarol.nick()).isEqualTo("carol");
    assertThat(membersSeenBy(alice, 0)).containsExactly("alice", "bob", "carol");
    assertThat(membersSeenBy(newCarol, newCarol.welcome().seq())).containsExactly("alice", "bob", "carol");
  }

  @Test
  void aReplayBringsPresenceEventsBack() throws Exception {
    RawClient alice = join("alice");
    join("bob");
    join("carol");
    Presence live = awaitJoined(alice, "carol");

    alice.send(new Replay(null, live.seq() - 1));

    assertThat(alice.await(Presence.class, p -> p.sid() != null)).isEqualTo(live.addressedTo(alice.welcome().sid()));
  }

  @Test
  void presenceIsStoredAndComesBackAsHistoryAfterARestart() throws Exception {
    RawClient alice = join("alice");
    join("bob");
    join("carol");
    Presence live = awaitJoined(alice, "carol");

    restart();
    RawClient zed = join("zed");

    Presence history = zed.await(Presence.class);
    assertThat(history).isEqualTo(live.addressedTo(zed.welcome().sid()));
  }

  /** Waits until presence events have announced every one of {@code nicks}; returns the last one needed. */
  private static Presence awaitJoined(RawClient client, String... nicks) {
    Set<String> missing = new TreeSet<>(List.of(nicks));
    client.seen(Presence.class).forEach(p -> p.joined().forEach(j -> missing.remove(j.nick())));
    Presence last = null;
    while (!missing.isEmpty()) {
      last = client.await(Presence.class, p -> p.joined().stream().anyMatch(j -> missing.contains(j.nick())));
      last.joined().forEach(j -> missing.remove(j.nick()));
    }
    return last;
  }

  private static boolean joins(Presence presence, String nick) {
    return presence.joined().stream().anyMatch(came -> came.nick().equals(nick));
  }

  private static void awaitLeft(RawClient client, String nick) {
    if (client.seen(Presence.class).stream().noneMatch(p -> p.left().stream().anyMatch(l -> l.nick().equals(nick)))) {
      client.await(Presence.class, p -> p.left().stream().anyMatch(l -> l.nick().equals(nick)));
    }
  }

  /** The user list the client got, with every join, leave and presence after {@code from} applied in order. */
  private static Set<String> membersSeenBy(RawClient client, long from) {
    Set<String> members = new TreeSet<>(usersOf(client));
    for (RoomEvent event : roomEvents(client)) {
      if (event.seq() <= from) {
        continue;
      }
      switch (event) {
        case Join join -> members.add(join.nick());
        case Leave leave -> members.remove(leave.nick());
        case Presence presence -> {
          presence.left().forEach(gone -> members.remove(gone.nick()));
          presence.joined().forEach(came -> members.add(came.nick()));
        }
        case Message message -> { }
      }
    }
    return members;
  }

  private static List<String> usersOf(RawClient client) {
    return client.seen(Users.class).stream().flatMap(u -> u.nicks().stream()).toList();
  }

  private static List<RoomEvent> roomEvents(RawClient client) {
    return client.seen(RoomEvent.class);
  }

  private static List<Long> consecutiveFrom(long first, int count) {
    return LongStream.range(first, first + count).boxed().toList();
  }
}

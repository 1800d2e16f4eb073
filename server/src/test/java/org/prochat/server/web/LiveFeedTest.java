package org.prochat.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Join;
import org.prochat.protocol.Message;
import org.prochat.protocol.Presence;
import org.prochat.protocol.RoomEvent;
import org.prochat.server.room.RoomSnapshot;
import org.prochat.server.stats.ServerStats;
import tools.jackson.databind.JsonNode;

/** The feed greets each page with the recent past, then streams in batches; viewers are embedded channels. */
class LiveFeedTest {
  private final EmbeddedChannel alice = new EmbeddedChannel();

  @Test
  void aNewPageIsGreetedWithTheStoredHistory() {
    LiveFeed feed = new LiveFeed(alice.eventLoop(), List.of(message(1, "from before the restart")));

    feed.join(alice);
    alice.runPendingTasks();

    JsonNode welcome = next(alice);
    assertThat(welcome.path("type").asString()).isEqualTo("welcome");
    assertThat(welcome.path("chat").get(0).path("text").asString()).isEqualTo("from before the restart");
    assertThat(welcome.path("chat").get(0).path("kind").asString()).isEqualTo("message");
  }

  @Test
  void eventsWhispersAndLogLinesArriveTogetherInOneBatch() {
    LiveFeed feed = joined(alice);

    feed.roomEvent(new Join(1, 1000, "bob"));
    feed.whisper(1001, "alice", "bob", "psst");
    feed.logLine("INFO Room - bob joined");
    alice.runPendingTasks();
    assertThat((Object) alice.readOutbound()).as("nothing before the batch interval").isNull();
    passBatchInterval(alice);

    JsonNode batch = next(alice);
    assertThat(batch.path("type").asString()).isEqualTo("batch");
    assertThat(batch.path("chat").findValuesAsString("kind")).containsExactly("join", "whisper");
    assertThat(batch.path("chat").get(1).path("to").asString()).isEqualTo("bob");
    assertThat(batch.path("logs").get(0).asString()).isEqualTo("INFO Room - bob joined");
    assertThat(batch.path("skippedChat").asInt()).isZero();
    assertThat((Object) alice.readOutbound()).isNull();
  }

  @Test
  void aBigRoomsPresenceIsOneRowSayingWhoCameAndWent() {
    LiveFeed feed = joined(alice);

    feed.roomEvent(new Presence(1, 1000, List.of(new Presence.Joined("bob", null), new Presence.Joined("carol", null),
        new Presence.Joined("dave", null), new Presence.Joined("erin", null)), List.of(new Presence.Left("frank", "quit"))));
    alice.runPendingTasks();
    passBatchInterval(alice);

    JsonNode row = next(alice).path("chat").get(0);
    assertThat(row.path("kind").asString()).isEqualTo("presence");
    assertThat(row.path("text").asString()).isEqualTo("bob, carol and 2 others joined; frank left (quit)");
  }

  @Test
  void moreItemsThanABatchHoldsAreLeftOutAndCounted() {
    LiveFeed feed = joined(alice);

    LongStream.rangeClosed(1, LiveFeed.RECENT_ITEMS + 3).forEach(seq -> feed.roomEvent(message(seq, "burst " + seq)));
    alice.runPendingTasks();
    passBatchInterval(alice);

    JsonNode batch = next(alice);
    assertThat(batch.path("skippedChat").asInt()).isEqualTo(3);
    assertThat(batch.path("chat").size()).isEqualTo(LiveFeed.RECENT_ITEMS);
    assertThat(batch.path("chat").get(0).path("seq").asLong()).isEqualTo(4);
  }

  @Test
  void theRecentPastIsBoundedAndKeepsTheNewest() {
    List<RoomEvent> stored = new ArrayList<>();
    LongStream.rangeClosed(1, LiveFeed.RECENT_ITEMS + 5).forEach(seq -> stored.add(message(seq, "line " + seq)));
    LiveFeed feed = new LiveFeed(alice.eventLoop(), stored);

    feed.join(alice);
    alice.runPendingTasks();

    JsonNode chat = next(alice).path("chat");
    assertThat(chat.size()).isEqualTo(LiveFeed.RECENT_ITEMS);
    assertThat(chat.get(0).path("seq").asLong()).isEqualTo(6);
    assertThat(chat.get(LiveFeed.RECENT_ITEMS - 1).path("seq").asLong()).isEqualTo(LiveFeed.RECENT_ITEMS + 5);
  }

  @Test
  void aPageJoiningWhileItemsArePendingSeesThemOnce() {
    EmbeddedChannel bob = new EmbeddedChannel();
    LiveFeed feed = joined(alice);
    feed.roomEvent(message(1, "pending"));
    alice.runPendingTasks();

    feed.join(bob);
    alice.runPendingTasks();
    passBatchInterval(alice);

    assertThat(next(alice).path("chat").findValuesAsString("text")).containsExactly("pending");
    assertThat(next(bob).path("chat").findValuesAsString("text")).containsExactly("pending");
    assertThat((Object) alice.readOutbound()).isNull();
    assertThat((Object) bob.readOutbound()).isNull();
  }

  @Test
  void aSampleCarriesTheRoomOnlyWhenItChanged() {
    LiveFeed feed = joined(alice);
    RoomSnapshot room = new RoomSnapshot(3, 1, 1, List.of(new RoomSnapshot.UserView("s1", "alice", null, 1, 800, 0)));

    feed.sample(sample(room));
    feed.sample(sample(room));

    JsonNode first = next(alice);
    JsonNode second = next(alice);
    assertThat(first.path("room").path("users").get(0).path("nick").asString()).isEqualTo("alice");
    assertThat(second.has("room")).isFalse();
    assertThat(second.path("stats").path("users").asInt()).isEqualTo(1);
  }

  @Test
  void aPageThatFellBehindIsClosedSoItStartsAgain() {
    LiveFeed feed = joined(alice);
    alice.unsafe().outboundBuffer().setUserDefinedWritability(1, false);

    feed.roomEvent(message(1, "while the page is stuck"));
    alice.runPendingTasks();
    passBatchInterval(alice);

    CloseWebSocketFrame close = alice.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1013);
    close.release();
    assertThat(alice.isOpen()).isFalse();
  }

  private LiveFeed joined(EmbeddedChannel viewer) {
    LiveFeed feed = new LiveFeed(viewer.eventLoop(), List.of());
    feed.join(viewer);
    viewer.runPendingTasks();
    assertThat(next(viewer).path("type").asString()).isEqualTo("welcome");
    return feed;
  }

  private static void passBatchInterval(EmbeddedChannel channel) {
    channel.advanceTimeBy(LiveFeed.BATCH_MILLIS, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
  }

  private static JsonNode next(EmbeddedChannel viewer) {
    TextWebSocketFrame frame = viewer.readOutbound();
    assertThat(frame).as("a frame for the page").isNotNull();
    try {
      return WebJson.MAPPER.readTree(frame.text());
    } finally {
      frame.release();
    }
  }

  private static Message message(long seq, String text) {
    return new Message(seq, 1000 + seq, "alice", "m" + seq, text);
  }

  private static LiveSampler.Sample sample(RoomSnapshot room) {
    ServerStats.Snapshot counters = new ServerStats().snapshot();
    return new LiveSampler.Sample(LiveStats.of(0, counters, counters, room), room);
  }
}

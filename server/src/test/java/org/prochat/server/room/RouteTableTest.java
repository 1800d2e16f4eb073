package org.prochat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.server.FloodLimits;
import org.prochat.server.stats.ServerStats;
import org.prochat.wire.WirePipeline;

/**
 * The events of one turn reach each link in one write, and nothing else written in that turn
 * overtakes them: what each link receives is in the order the room sent it.
 */
class RouteTableTest {
  private final EmbeddedChannel channelA = new EmbeddedChannel();
  private final EmbeddedChannel channelB = new EmbeddedChannel();
  private final ServerStats stats = new ServerStats();
  private final RouteTable routes = new RouteTable(channelA.eventLoop(), stats);
  private final Link linkA = new Link(channelA);
  private final Link linkB = new Link(channelB);
  private final Session alice = session("s1", "alice");
  private final Session bob = session("s2", "bob");

  @AfterEach
  void close() {
    channelA.finishAndReleaseAll();
    channelB.finishAndReleaseAll();
  }

  @Test
  void aTurnsEventsReachEachLinkInOneWrite() {
    routes.route(alice, linkA);
    routes.route(bob, linkB);

    routes.broadcast(event(1, "one"), () -> null);
    routes.broadcast(event(2, "two"), () -> null);
    endTurn();

    assertThat(written(channelA)).containsExactly(lines(1, "one") + lines(2, "two"));
    assertThat(written(channelB)).containsExactly(lines(1, "one") + lines(2, "two"));
    assertThat(stats.snapshot().broadcasts()).isEqualTo(2);
  }

  @Test
  void somethingSentToOneUserComesAfterTheEventsBeforeIt() {
    routes.route(alice, linkA);
    routes.route(bob, linkB);

    routes.broadcast(event(1, "one"), () -> null);
    routes.send(alice, new Notice("s1", "just for alice"));
    routes.broadcast(event(2, "two"), () -> null);
    endTurn();

    assertThat(written(channelA)).containsExactly(lines(1, "one"), "notice: just for alice", lines(2, "two"));
    assertThat(written(channelB)).containsExactly(lines(1, "one"), lines(2, "two"));
  }

  @Test
  void aReadyMadeLineForOneUserComesAfterTheEventsBeforeIt() {
    routes.route(alice, linkA);

    routes.broadcast(event(1, "one"), () -> null);
    routes.sendLine(alice, Unpooled.copiedBuffer("{\"type\":\"users\"}\n", StandardCharsets.UTF_8));
    routes.broadcast(event(2, "two"), () -> null);
    endTurn();

    assertThat(written(channelA)).containsExactly(lines(1, "one"), "{\"type\":\"users\"}\n", lines(2, "two"));
  }

  @Test
  void aLinkGetsTheEventsOfTheTimeItCarriesSomeoneAndNoOthers() {
    routes.route(alice, linkA);

    routes.broadcast(event(1, "before bob"), () -> null);
    routes.route(bob, linkB);
    routes.broadcast(event(2, "with bob"), () -> null);
    routes.route(alice, null);
    routes.broadcast(event(3, "after alice"), () -> null);
    endTurn();

    assertThat(written(channelA)).containsExactly(lines(1, "before bob"), lines(2, "with bob"));
    assertThat(written(channelB)).containsExactly(lines(2, "with bob"), lines(3, "after alice"));
  }

  private void endTurn() {
    channelA.runPendingTasks();
    channelB.runPendingTasks();
  }

  private static Session session(String id, String nick) {
    return new Session(id, nick, "token-" + id, false, false, FloodLimits.DEFAULTS, System.nanoTime());
  }

  private static Message event(long seq, String text) {
    return new Message(null, seq, 1000 + seq, "alice", "m" + seq, text);
  }

  private static String lines(long seq, String text) {
    ByteBuf line = WirePipeline.encodeLine(UnpooledByteBufAllocator.DEFAULT, event(seq, text));
    try {
      return line.toString(StandardCharsets.UTF_8);
    } finally {
      line.release();
    }
  }

  /** What the link was given, write by write: encoded lines as text, other frames named. */
  private static List<String> written(EmbeddedChannel channel) {
    List<String> writes = new ArrayList<>();
    for (Object out; (out = channel.readOutbound()) != null; ) {
      if (out instanceof ByteBuf bytes) {
        writes.add(bytes.toString(StandardCharsets.UTF_8));
        bytes.release();
      } else if (out instanceof Notice notice) {
        writes.add("notice: " + notice.text());
      } else {
        writes.add(((Frame) out).getClass().getSimpleName());
      }
    }
    return writes;
  }
}

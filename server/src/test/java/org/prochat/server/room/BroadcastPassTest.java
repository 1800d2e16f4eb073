package org.prochat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Message;

/**
 * A pass writes a chunk of links at a time and lets the loop read in between; what is gathered
 * meanwhile reaches the links not yet written in the same write as what came before, and the
 * others next time round; every link gets every event once, in order, and the gathered buffers
 * are released once every link has them.
 */
class BroadcastPassTest {
  private static final int LINKS = 2 * BroadcastPass.LINKS_PER_CHUNK + 10;

  private final Queue<Runnable> endOfTurn = new ArrayDeque<>();
  private final Queue<Runnable> afterReading = new ArrayDeque<>();
  private final BroadcastPass pass = new BroadcastPass(endOfTurn::add, afterReading::add);
  private final List<RecordedLink> links = new ArrayList<>();

  @AfterEach
  void close() {
    links.forEach(link -> link.channel.finishAndReleaseAll());
  }

  @Test
  void aPassWritesOneChunkOfLinksThenWaitsForTheLoopToRead() {
    addLinks(LINKS);

    pass.addPlain(event(1));
    run(endOfTurn);

    assertThat(links).filteredOn(link -> !link.events.isEmpty()).hasSize(BroadcastPass.LINKS_PER_CHUNK);
    assertThat(afterReading).hasSize(1);
    runAll();
    assertThat(links).allSatisfy(link -> assertThat(link.events).containsExactly("write 1", "flush"));
  }

  @Test
  void anEventGatheredDuringAPassGoesWithTheEarlierOneToTheLinksNotYetWritten() {
    addLinks(LINKS);

    pass.addPlain(event(1));
    run(endOfTurn);
    pass.addPlain(event(2)); // read between two chunks
    runAll();

    List<RecordedLink> first = links.subList(0, BroadcastPass.LINKS_PER_CHUNK);
    List<RecordedLink> rest = links.subList(BroadcastPass.LINKS_PER_CHUNK, LINKS);
    assertThat(first).allSatisfy(link -> assertThat(link.events).containsExactly("write 1", "flush", "write 2", "flush"));
    assertThat(rest).allSatisfy(link -> assertThat(link.events).containsExactly("write 1", "write 2", "flush"));
  }

  @Test
  void aLinkThatStopsCarryingMidPassLeavesWithWhatWasGatheredAndTheOthersStillGetItOnce() {
    addLinks(LINKS);
    RecordedLink leaving = links.get(LINKS - 1);
    RecordedLink leavingEarly = links.get(0);

    pass.addPlain(event(1));
    run(endOfTurn);
    pass.addPlain(event(2));
    pass.remove(leavingEarly.link);
    pass.remove(leaving.link);
    pass.addPlain(event(3));
    runAll();

    assertThat(leavingEarly.events).containsExactly("write 1", "flush", "write 2", "flush");
    assertThat(leaving.events).containsExactly("write 1", "write 2", "flush");
    assertThat(links).filteredOn(link -> link != leaving && link != leavingEarly)
        .allSatisfy(link -> assertThat(link.lines()).containsExactly("1", "2", "3"));
  }

  @Test
  void aLinkThatStartsCarryingMidPassGetsOnlyWhatIsGatheredAfter() {
    addLinks(LINKS);

    pass.addPlain(event(1));
    run(endOfTurn);
    RecordedLink newcomer = addLinks(1).getFirst();
    pass.addPlain(event(2));
    runAll();

    assertThat(newcomer.lines()).containsExactly("2");
    assertThat(links).filteredOn(link -> link != newcomer)
        .allSatisfy(link -> assertThat(link.lines()).containsExactly("1", "2"));
  }

  @Test
  void whatIsWrittenToALinkDirectlyComesAfterTheEventsGatheredBefore() {
    addLinks(LINKS);
    RecordedLink last = links.get(LINKS - 1);

    pass.addPlain(event(1));
    pass.writeOutTo(last.link);

    assertThat(last.lines()).containsExactly("1");
    runAll();
    assertThat(last.lines()).containsExactly("1");
    assertThat(links).allSatisfy(link -> assertThat(link.lines()).containsExactly("1"));
  }

  @Test
  void theGatheredLinesAreReleasedOnceEveryLinkHasThem() {
    addLinks(LINKS);

    pass.addPlain(event(1));
    run(endOfTurn);
    ByteBuf firstWritten = links.getFirst().channel.readOutbound();
    ByteBuf gathered = firstWritten.unwrap();
    runAll();
    assertThat(gathered.refCnt()).isPositive();
    firstWritten.release();
    links.forEach(link -> link.channel.releaseOutbound());

    assertThat(gathered.refCnt()).isZero();
  }

  private List<RecordedLink> addLinks(int count) {
    List<RecordedLink> added = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RecordedLink link = new RecordedLink();
      pass.add(link.link, false);
      links.add(link);
      added.add(link);
    }
    return added;
  }

  private void runAll() {
    while (!endOfTurn.isEmpty() || !afterReading.isEmpty()) {
      run(endOfTurn);
      run(afterReading);
    }
  }

  private static void run(Queue<Runnable> tasks) {
    for (int n = tasks.size(); n > 0; n--) {
      tasks.remove().run();
    }
  }

  private static Message event(long seq) {
    return new Message(null, seq, 1000 + seq, "alice", "m" + seq, String.valueOf(seq));
  }

  /** A link on an embedded channel that records each write (by the event's text) and each flush. */
  private static final class RecordedLink {
    final List<String> events = new ArrayList<>();
    final EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
      @Override
      public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        events.add("write " + text((ByteBuf) msg));
        ctx.write(msg, promise);
      }

      @Override
      public void flush(ChannelHandlerContext ctx) {
        events.add("flush");
        ctx.flush();
      }
    });
    final Link link = new Link(channel);

    List<String> lines() {
      return events.stream().filter(e -> e.startsWith("write ")).map(e -> e.substring("write ".length())).toList();
    }

    private static String text(ByteBuf lines) {
      String all = lines.toString(StandardCharsets.UTF_8);
      return all.substring(all.indexOf("\"text\":\"") + 8, all.lastIndexOf('"'));
    }
  }
}

package org.prochat.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A link on another loop than the room's hands its frames over in order, and stops being read
 * while the room is that far behind, until it has caught up.
 */
class RoomHandOffTest {
  private final EventLoop room = new DefaultEventLoop();
  // Its own loop, which is not the room's: the link's side of the hand-over runs on the test thread.
  private final EmbeddedChannel link = new EmbeddedChannel();
  private final RoomHandOff handOff = new RoomHandOff(room, link);

  @AfterEach
  void stop() {
    room.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    link.finishAndReleaseAll();
  }

  @Test
  void theRoomRunsWhatIsHandedOverInOrder() {
    List<Integer> ran = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 100; i++) {
      int n = i;
      handOff.handOver(() -> {
        assertThat(room.inEventLoop()).isTrue();
        ran.add(n);
      });
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 100);
    assertThat(ran).isSorted();
  }

  @Test
  void aLinkTheRoomIsFarBehindOnIsNotReadUntilTheRoomCatchesUp() throws InterruptedException {
    CountDownLatch busy = new CountDownLatch(1);
    room.execute(() -> {
      try {
        busy.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    for (int i = 0; i < RoomHandOff.PAUSE_AT - 1; i++) {
      handOff.handOver(() -> {});
    }
    assertThat(link.config().isAutoRead()).isTrue();
    handOff.handOver(() -> {});
    assertThat(link.config().isAutoRead()).as("read while %d wait", RoomHandOff.PAUSE_AT).isFalse();

    busy.countDown();
    await().atMost(Duration.ofSeconds(5)).until(() -> handOff.waiting() == 0);
    assertThat(link.config().isAutoRead()).as("the resume runs on the link's loop").isFalse();
    link.runPendingTasks();
    assertThat(link.config().isAutoRead()).isTrue();
  }

  @Test
  void onTheRoomsOwnLoopWorkRunsAtOnce() throws Exception {
    RoomHandOff own = new RoomHandOff(room, link);
    List<String> ran = new CopyOnWriteArrayList<>();

    room.submit(() -> {
      own.handOver(() -> ran.add("handed"));
      ran.add("after");
    }).get(5, TimeUnit.SECONDS);

    assertThat(ran).containsExactly("handed", "after");
    assertThat(own.waiting()).isZero();
  }
}

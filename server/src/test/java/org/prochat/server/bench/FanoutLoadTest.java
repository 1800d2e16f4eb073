package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.prochat.client.ChatClient;
import org.prochat.server.overlay.OverlayLimits;

/**
 * The generator's users over real loopback sockets, against a coordinator in this JVM: six of them,
 * the first and the last timed, the four between drained in rounds; one more user, a real client,
 * posts benchmark texts, so exactly how many deliveries each link gets is known.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FanoutLoadTest {
  private static final int USERS = 6;
  private static final int TIMED = 2;
  /** About 1 KB each, posted without waiting for acks: up to some 300 KB, several reads, between two rounds. */
  private static final int MESSAGES = 300;

  private BenchRoom room;
  private FanoutLoad load;

  @BeforeEach
  void joinTheRoom() throws Exception {
    room = BenchRoom.open(new OverlayLimits(4, 64, 6, Duration.ofSeconds(20)), 1, false, new Recorder(3));
    load = new FanoutLoad(64, false);
    load.connect("127.0.0.1", room.address().port(), USERS, 0, TIMED, true);
  }

  @AfterEach
  void leave() throws Exception {
    load.close();
    room.close();
  }

  @Test
  void drainedUsersCountEveryDeliveryAndOnlyTimedUsersAreTimed() throws Exception {
    ChatClient poster = room.users().getFirst().client();
    List<CompletableFuture<?>> acks = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      acks.add(poster.say("fb " + System.nanoTime() + " " + "x".repeat(1000)));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(load.deliveries()).isEqualTo((long) USERS * MESSAGES));
    assertThat(load.latencySinceLastCall().getTotalCount()).as("latencies: the timed users' deliveries only")
        .isEqualTo((long) TIMED * MESSAGES);
  }
}

package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Say;

/** A client that stops reading is cut once its backlog is too big; the others never notice. */
class SlowConsumerTest extends RunningCoordinator {

  @Test
  void aClientThatStopsReadingIsCutWhileTheOthersKeepChatting() throws Exception {
    start(settings -> settings.flood(new FloodLimits(1_000_000, 1_000_000, Duration.ofSeconds(1), 1_000_000)));
    RawClient talker = join("talker");
    RawClient listener = join("listener");
    RawClient stalled = join("stalled");
    stalled.stopReading();

    // ~2 KB a message: about 12 MB for the stalled client, past the 8 MiB backlog plus what the
    // kernel buffers on loopback.
    String text = "x".repeat(2000);
    int sent = 0;
    while (!stalledLeft(listener) && sent < 12_000) {
      for (int i = 0; i < 200; i++, sent++) {
        talker.send(new Say("m" + sent, text));
      }
      String last = "m" + (sent - 1);
      listener.await(Message.class, m -> last.equals(m.id())); // the others keep up all along
    }

    Leave left = stalledLeft(listener) ? listener.seen(Leave.class).getLast()
        : listener.await(Leave.class, l -> l.nick().equals("stalled"));
    assertThat(left.nick()).isEqualTo("stalled");
    assertThat(left.reason()).isEqualTo("connection lost");
    talker.send(new Say("after", "still flowing"));
    assertThat(listener.await(Message.class, m -> m.id().equals("after")).text()).isEqualTo("still flowing");
  }

  private static boolean stalledLeft(RawClient client) {
    return client.seen(Leave.class).stream().anyMatch(l -> l.nick().equals("stalled"));
  }
}

package org.prochat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Message;
import org.prochat.protocol.Presence;
import org.prochat.protocol.RoomEvent;

class HistoryRingTest {

  @Test
  void newestStopsAtTheCountOrTheBytesWhicheverComesFirst() {
    HistoryRing ring = new HistoryRing(100, List.of());
    IntStream.rangeClosed(1, 10).forEach(seq -> ring.add(new Message(seq, 0, "alice", "m" + seq, "x".repeat(900))));

    assertThat(ring.newest(3, 1 << 20)).extracting(RoomEvent::seq).containsExactly(8L, 9L, 10L);
    assertThat(ring.newest(10, 2_500)).extracting(RoomEvent::seq).containsExactly(9L, 10L);
  }

  @Test
  void theNewestEventComesEvenWhenItAloneIsOverTheBytes() {
    HistoryRing ring = new HistoryRing(100, List.of());
    List<Presence.Joined> crowd = IntStream.range(0, 500).mapToObj(i -> new Presence.Joined("user" + i, null)).toList();
    ring.add(new Presence(1, 0, crowd, List.of()));

    assertThat(ring.newest(50, 1_000)).extracting(RoomEvent::seq).containsExactly(1L);
  }
}

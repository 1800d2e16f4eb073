package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Join;
import org.prochat.protocol.Message;
import org.prochat.protocol.RoomEvent;

class RoomEventSequencerTest {
  private final List<Long> replaysAsked = new ArrayList<>();

  @Test
  void eventsInOrderAreDeliveredAtOnce() {
    RoomEventSequencer sequencer = new RoomEventSequencer(10);

    assertThat(seqs(sequencer, 11, 12, 13)).containsExactly(11L, 12L, 13L);
    assertThat(replaysAsked).isEmpty();
    assertThat(sequencer.lastSeq()).isEqualTo(13);
  }

  @Test
  void historyStartsWhereverTheCoordinatorsWindowStarts() {
    RoomEventSequencer sequencer = new RoomEventSequencer(100);

    assertThat(seqs(sequencer, 51, 52, 100, 101)).containsExactly(51L, 52L); // 100, 101 wait for 53..99
    assertThat(replaysAsked).containsExactly(52L);
    assertThat(seqs(sequencer, LongStream.rangeClosed(53, 101).toArray())).hasSize(49).startsWith(53L).endsWith(101L);
  }

  @Test
  void aFirstLiveEventPastTheWelcomeIsAGap() {
    RoomEventSequencer sequencer = new RoomEventSequencer(10);

    assertThat(seqs(sequencer, 13)).isEmpty();

    assertThat(replaysAsked).containsExactly(10L);
  }

  @Test
  void duplicatesAreDroppedWhetherAlreadyDeliveredOrStillHeld() {
    RoomEventSequencer sequencer = new RoomEventSequencer(0);

    assertThat(seqs(sequencer, 1, 2, 1, 2, 4, 4)).containsExactly(1L, 2L);
    assertThat(seqs(sequencer, 3, 4, 3)).containsExactly(3L, 4L);
  }

  @Test
  void aGapAsksForAReplayAfterTheLastDeliveredEventThenReleasesEverythingInOrderExactlyOnce() {
    RoomEventSequencer sequencer = new RoomEventSequencer(0);
    List<Long> seen = new ArrayList<>(seqs(sequencer, 1, 2, 5, 6));
    assertThat(replaysAsked).containsExactly(2L);

    // The replay resends everything after 2, including what was held; live events keep coming.
    seen.addAll(seqs(sequencer, 7, 3, 4, 5, 6, 7, 8));

    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(replaysAsked).containsExactly(2L);
  }

  @Test
  void aGapStillOpenOnceTheReplayCoveredWhatWasHeldIsAskedAboutAgain() {
    RoomEventSequencer sequencer = new RoomEventSequencer(0);
    seqs(sequencer, 1, 4, 6);

    assertThat(seqs(sequencer, 2, 3)).containsExactly(2L, 3L, 4L);

    assertThat(replaysAsked).containsExactly(1L, 4L);
  }

  @Test
  void onlyEventsUpToTheWelcomeAreHistory() {
    RoomEventSequencer sequencer = new RoomEventSequencer(7);

    assertThat(sequencer.isHistory(new Join(7, 0, "bob"))).isTrue();
    assertThat(sequencer.isHistory(new Join(8, 0, "bob"))).isFalse();
  }

  private List<Long> seqs(RoomEventSequencer sequencer, long... arriving) {
    List<Long> delivered = new ArrayList<>();
    for (long seq : arriving) {
      RoomEventSequencer.Release release = sequencer.accept(event(seq));
      release.inOrder().forEach(e -> delivered.add(e.seq()));
      release.replayAfter().ifPresent(replaysAsked::add);
    }
    return delivered;
  }

  private static RoomEvent event(long seq) {
    return new Message(seq, 1_700_000_000_000L + seq, "alice", "m" + seq, "text " + seq);
  }

  @Test
  void aReplayThatNeverComesIsAskedForAgainOnceOverdue() {
    RoomEventSequencer sequencer = new RoomEventSequencer(0);
    sequencer.accept(new Message(1, 0, "bob", "b1", "one"));
    assertThat(sequencer.accept(new Message(3, 0, "bob", "b3", "three")).replayAfter()).hasValue(1);
    long asked = System.nanoTime();

    assertThat(sequencer.overdueReplay(asked, 3_000_000_000L)).isEmpty();
    assertThat(sequencer.overdueReplay(asked + 4_000_000_000L, 3_000_000_000L)).hasValue(1);
    assertThat(sequencer.overdueReplay(asked + 5_000_000_000L, 3_000_000_000L)).as("not again at once").isEmpty();
  }

  @Test
  void noReplayIsOverdueOnceTheGapIsFilled() {
    RoomEventSequencer sequencer = new RoomEventSequencer(0);
    sequencer.accept(new Message(1, 0, "bob", "b1", "one"));
    sequencer.accept(new Message(3, 0, "bob", "b3", "three"));
    sequencer.accept(new Message(2, 0, "bob", "b2", "two"));

    assertThat(sequencer.overdueReplay(System.nanoTime() + 10_000_000_000L, 3_000_000_000L)).isEmpty();
  }
}

package org.prochat.app.gui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class MessageLogTest {
  private final List<Runnable> batchEnd = new ArrayList<>();
  private final MessageLog log = new MessageLog(5, batchEnd::add);

  @Test
  void linesAppendedInOneBatchArriveAsOneChangeWhenTheBatchEnds() {
    List<ListChangeListener.Change<? extends ChatLine>> changes = new ArrayList<>();
    log.lines().addListener((ListChangeListener<ChatLine>) changes::add);

    IntStream.range(0, 3).forEach(i -> log.append(line("m" + i)));
    assertThat(log.lines()).isEmpty();
    endBatch();

    assertThat(changes).hasSize(1);
    assertThat(texts()).containsExactly("m0", "m1", "m2");
  }

  @Test
  void theOldestLinesGoPastTheCapacity() {
    IntStream.range(0, 4).forEach(i -> log.append(line("a" + i)));
    endBatch();
    IntStream.range(0, 4).forEach(i -> log.append(line("b" + i)));
    endBatch();

    assertThat(texts()).containsExactly("a3", "b0", "b1", "b2", "b3");
  }

  @Test
  void aBatchLargerThanTheCapacityKeepsItsNewestLines() {
    IntStream.range(0, 12).forEach(i -> log.append(line("m" + i)));
    endBatch();

    assertThat(texts()).containsExactly("m7", "m8", "m9", "m10", "m11");
  }

  @Test
  void linesArrivingWhileTheUserHasScrolledUpAreCountedUntilTheyFollowAgain() {
    log.followingProperty().set(false);
    log.append(line("one"));
    log.append(line("two"));
    endBatch();
    assertThat(log.unseenProperty().get()).isEqualTo(2);

    log.followingProperty().set(true);
    assertThat(log.unseenProperty().get()).isZero();
  }

  private void endBatch() {
    List<Runnable> due = List.copyOf(batchEnd);
    batchEnd.clear();
    due.forEach(Runnable::run);
  }

  private List<String> texts() {
    return log.lines().stream().map(ChatLine::text).toList();
  }

  private static ChatLine line(String text) {
    return ChatLine.said(ChatLine.Kind.MESSAGE, Instant.EPOCH, "bob", text);
  }
}

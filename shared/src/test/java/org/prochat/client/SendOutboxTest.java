package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Ack;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Say;

class SendOutboxTest {
  private final SendOutbox outbox = new SendOutbox();

  @Test
  void anAckCompletesTheFutureOfTheFrameItNames() {
    CompletableFuture<Ack> first = outbox.add("a-1", new Say("a-1", "text"), 0);
    CompletableFuture<Ack> second = outbox.add("a-2", new Say("a-2", "text"), 0);
    Ack ack = new Ack(null, "a-2", Ack.Status.POSTED, 42);

    outbox.acknowledge(ack);

    assertThat(second).isCompletedWithValue(ack);
    assertThat(first).isNotDone();
  }

  @Test
  void anErrorNamingAPendingFrameFailsItWithTheErrorFrame() {
    CompletableFuture<Ack> sent = outbox.add("a-1", new Say("a-1", "text"), 0);
    ErrorFrame muted = new ErrorFrame(null, ErrorCode.MUTED, "you are muted", "a-1", false);

    assertThat(outbox.refuse(muted)).isTrue();

    assertThat(sent).isCompletedExceptionally();
    assertThat(sent.exceptionNow()).isInstanceOf(ChatRefusedException.class)
        .extracting(e -> ((ChatRefusedException) e).error()).isEqualTo(muted);
  }

  @Test
  void errorsThatNameNoPendingFrameSettleNothing() {
    CompletableFuture<Ack> sent = outbox.add("a-1", new Say("a-1", "text"), 0);

    assertThat(outbox.refuse(ErrorFrame.of(ErrorCode.BAD_JSON, "not valid JSON"))).isFalse();
    assertThat(outbox.refuse(new ErrorFrame(null, ErrorCode.MUTED, "muted", "a-9", false))).isFalse();

    assertThat(sent).isNotDone();
  }

  @Test
  void aLateDuplicateAckIsIgnored() {
    CompletableFuture<Ack> sent = outbox.add("a-1", new Say("a-1", "text"), 0);
    Ack first = new Ack(null, "a-1", Ack.Status.POSTED, 7);
    outbox.acknowledge(first);

    outbox.acknowledge(new Ack(null, "a-1", Ack.Status.DUPLICATE, 7));

    assertThat(sent).isCompletedWithValue(first);
  }

  @Test
  void whenEmptyCompletesAtOnceWithNothingPending() {
    assertThat(outbox.whenEmpty()).isCompleted();
  }

  @Test
  void whenEmptyCompletesOnceTheLastFrameIsAckedOrRefusedAfterThatFramesOwnFuture() {
    CompletableFuture<Ack> acked = outbox.add("a-1", new Say("a-1", "text"), 0);
    CompletableFuture<Ack> refused = outbox.add("a-2", new Say("a-2", "text"), 0);
    CompletableFuture<Boolean> refusedWasSettledFirst = new CompletableFuture<>();
    CompletableFuture<Void> empty = outbox.whenEmpty();
    empty.thenRun(() -> refusedWasSettledFirst.complete(refused.isDone()));

    outbox.acknowledge(new Ack(null, "a-1", Ack.Status.POSTED, 1));
    assertThat(empty).isNotDone();
    outbox.refuse(new ErrorFrame(null, ErrorCode.TEXT_TOO_LONG, "too long", "a-2", false));

    assertThat(acked).isCompleted();
    assertThat(empty).isCompleted();
    assertThat(refusedWasSettledFirst).isCompletedWithValue(true);
  }

  @Test
  void failAllFailsEveryPendingFrameAndEveryWaiter() {
    CompletableFuture<Ack> sent = outbox.add("a-1", new Say("a-1", "text"), 0);
    CompletableFuture<Void> empty = outbox.whenEmpty();
    ChatLinkException lost = new ChatLinkException("disconnected: connection lost");

    outbox.failAll(lost);

    assertThat(sent.exceptionNow()).isSameAs(lost);
    assertThat(empty.exceptionNow()).isSameAs(lost);
    assertThat(outbox.whenEmpty()).isCompleted();
  }

  @Test
  void anIdCannotWaitTwice() {
    outbox.add("a-1", new Say("a-1", "text"), 0);

    assertThatThrownBy(() -> outbox.add("a-1", new Say("a-1", "text"), 0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFrameWaitingLongerThanThePatienceIsOverdueOnceThenWaitsAgain() {
    Say early = new Say("e-1", "sent first");
    outbox.add("e-1", early, 0);
    outbox.add("l-1", new Say("l-1", "sent later"), 2_000);

    assertThat(outbox.overdue(2_999, 3_000)).isEmpty();
    assertThat(outbox.overdue(3_000, 3_000)).containsExactly(early);
    assertThat(outbox.overdue(4_000, 3_000)).isEmpty();
    assertThat(outbox.overdue(6_000, 3_000)).containsExactly(early, new Say("l-1", "sent later"));
  }

  @Test
  void anAcknowledgedFrameIsNeverOverdue() {
    outbox.add("a-1", new Say("a-1", "text"), 0);
    outbox.acknowledge(new Ack(null, "a-1", Ack.Status.POSTED, 7));

    assertThat(outbox.overdue(10_000, 3_000)).isEmpty();
  }
}

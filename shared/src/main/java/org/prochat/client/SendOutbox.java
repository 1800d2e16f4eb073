package org.prochat.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Frame;
import org.prochat.protocol.ErrorFrame;

/**
 * The frames this client sent that the coordinator has not yet acked or refused, by id, in the order
 * they were sent.
 *
 * <p>Not thread-safe: confined to the link's event loop, like the rest of {@link ClientSession}.
 */
final class SendOutbox {
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private final List<CompletableFuture<Void>> emptyWaiters = new ArrayList<>();

  /**
   * Waits for the ack of {@code frame}, sent under {@code id}; the frame is kept to be resent.
   *
   * @return completes with the ack; fails with {@link ChatRefusedException} when the coordinator
   *     refuses the frame, or with the cause given to {@link #failAll}
   * @throws IllegalStateException when {@code id} is already pending: ids must be unique
   */
  CompletableFuture<Ack> add(String id, Frame frame, long nowNanos) {
    CompletableFuture<Ack> result = new CompletableFuture<>();
    if (pending.putIfAbsent(id, new Pending(frame, result, nowNanos)) != null) {
      throw new IllegalStateException("frame id " + id + " is already waiting for its ack");
    }
    return result;
  }


  /**
   * The frames sent at least {@code patienceNanos} before {@code nowNanos} and still waiting: lost
   * somewhere above (a proxy that died with them), as far as this client can tell. They count as
   * sent again now.
   */
  List<Frame> overdue(long nowNanos, long patienceNanos) {
    List<Frame> overdue = new ArrayList<>();
    for (Pending p : pending.values()) {
      if (nowNanos - p.sentAt >= patienceNanos) {
        p.sentAt = nowNanos;
        overdue.add(p.frame());
      }
    }
    return overdue;
  }

  /** Settles the frame the ack names; an ack for an id not pending (a late duplicate) is ignored. */
  void acknowledge(Ack ack) {
    Pending settled = pending.remove(ack.id());
    if (settled != null) {
      settled.result().complete(ack);
      releaseWaitersIfEmpty();
    }
  }

  /**
   * Settles the frame the error names as refused.
   *
   * @return true when the error was about a pending frame
   */
  boolean refuse(ErrorFrame error) {
    Pending settled = error.id() == null ? null : pending.remove(error.id());
    if (settled == null) {
      return false;
    }
    settled.result().completeExceptionally(new ChatRefusedException(error));
    releaseWaitersIfEmpty();
    return true;
  }

  /** Fails every pending frame, and every {@link #whenEmpty} waiter, with {@code cause}. */
  void failAll(Throwable cause) {
    List<CompletableFuture<Ack>> failed = pending.values().stream().map(Pending::result).toList();
    List<CompletableFuture<Void>> waiters = List.copyOf(emptyWaiters);
    pending.clear();
    emptyWaiters.clear();
    failed.forEach(f -> f.completeExceptionally(cause));
    waiters.forEach(w -> w.completeExceptionally(cause));
  }

  /**
   * Completes once nothing is pending: now, or after the last pending frame's own future has
   * completed.
   */
  CompletableFuture<Void> whenEmpty() {
    if (pending.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> waiter = new CompletableFuture<>();
    emptyWaiters.add(waiter);
    return waiter;
  }

  private void releaseWaitersIfEmpty() {
    if (pending.isEmpty() && !emptyWaiters.isEmpty()) {
      List<CompletableFuture<Void>> waiters = List.copyOf(emptyWaiters);
      emptyWaiters.clear();
      waiters.forEach(w -> w.complete(null));
    }
  }

  /** One waiting frame and when it last went out. */
  private static final class Pending {
    final Frame frame;
    final CompletableFuture<Ack> result;
    long sentAt;

    Pending(Frame frame, CompletableFuture<Ack> result, long sentAt) {
      this.frame = frame;
      this.result = result;
      this.sentAt = sentAt;
    }

    Frame frame() {
      return frame;
    }

    CompletableFuture<Ack> result() {
      return result;
    }
  }
}

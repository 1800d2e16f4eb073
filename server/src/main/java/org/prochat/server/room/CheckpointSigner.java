package org.prochat.server.room;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.prochat.crypto.EventChain;
import org.prochat.crypto.IdentityKey;
import org.prochat.protocol.Checkpoint;

/**
 * Signs the room's event chain off the room loop, one checkpoint at a time: while one is being
 * signed, newer events wait and the next checkpoint covers them all. So a quiet room gets a
 * checkpoint right after each event, and a busy one signs at most once per {@link #SPACING}, however
 * many events that covers (an Ed25519 signature takes most of a millisecond here).
 *
 * <p>{@link #advanced} runs on the room loop; signed checkpoints are handed back to it.
 */
final class CheckpointSigner implements AutoCloseable {
  /**
   * Shortest time between two signings. Every client checks every checkpoint (most of a millisecond
   * each), so this bounds that work to 2 % of a core for each client, and the signer's to 2 % of one
   * here, however busy the room; the price is that in a busy room a message shows up to this much
   * later. A quiet room is not kept waiting: the first event after a pause is signed at once.
   */
  static final Duration SPACING = Duration.ofMillis(50);

  private final IdentityKey identity;
  private final EventLoop loop;
  private final Consumer<Checkpoint> signed;
  private final ScheduledExecutorService signer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "prochat-checkpoint-signer");
    thread.setDaemon(true);
    return thread;
  });
  // Room loop only:
  private long wantedSeq = -1;
  private byte[] wantedHash;
  private long signedSeq = -1;
  private boolean signing;
  private long lastStartNanos = System.nanoTime() - SPACING.toNanos();

  /** @param signed gets each checkpoint, on {@code loop} */
  CheckpointSigner(IdentityKey identity, EventLoop loop, Consumer<Checkpoint> signed) {
    this.identity = identity;
    this.loop = loop;
    this.signed = signed;
  }

  /** The chain now ends at event {@code seq} with hash {@code hash}: a checkpoint will cover it. */
  void advanced(long seq, byte[] hash) {
    wantedSeq = seq;
    wantedHash = hash;
    if (!signing) {
      start();
    }
  }

  private void start() {
    signing = true;
    long seq = wantedSeq;
    byte[] hash = wantedHash;
    long now = System.nanoTime();
    long wait = Math.max(0, lastStartNanos + SPACING.toNanos() - now);
    lastStartNanos = now + wait;
    signer.schedule(() -> {
      Checkpoint checkpoint = EventChain.sign(identity, seq, hash);
      loop.execute(() -> done(checkpoint));
    }, wait, TimeUnit.NANOSECONDS);
  }

  private void done(Checkpoint checkpoint) {
    signing = false;
    signedSeq = checkpoint.seq();
    signed.accept(checkpoint);
    if (wantedSeq > signedSeq) {
      start();
    }
  }

  @Override
  public void close() {
    signer.shutdownNow();
  }
}

package org.prochat.server.room;

import org.prochat.server.FloodLimits;

/**
 * One user's token bucket. Each message takes a token; tokens refill at a steady rate up to the
 * burst size. Sending with an empty bucket mutes the user; while muted nothing is posted, and too
 * many attempts while muted end the connection. Not thread-safe (room loop only).
 */
final class FloodGuard {
  /** What to do with one attempt to send. */
  enum Verdict {
    /** Go ahead. */
    ALLOW,
    /** The bucket just ran dry: the user is now muted. */
    MUTE,
    /** Still muted: refuse this one. */
    MUTED,
    /** Kept going while muted: disconnect. */
    KICK
  }

  private final FloodLimits limits;
  private double tokens;
  private long refilledAt;
  private long mutedUntil;
  private int attemptsWhileMuted;

  FloodGuard(FloodLimits limits, long nowNanos) {
    this.limits = limits;
    this.tokens = limits.burst();
    this.refilledAt = nowNanos;
  }

  Verdict attempt(long nowNanos) {
    if (nowNanos - mutedUntil < 0) {
      attemptsWhileMuted++;
      return attemptsWhileMuted >= limits.kickAfter() ? Verdict.KICK : Verdict.MUTED;
    }
    attemptsWhileMuted = 0;
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return Verdict.ALLOW;
    }
    mutedUntil = nowNanos + limits.muteFor().toNanos();
    // Start the next round with half a burst, so the first sentence after a mute gets through.
    tokens = limits.burst() / 2.0;
    refilledAt = mutedUntil;
    return Verdict.MUTE;
  }

  /** Whole seconds of mute left, rounded up; 0 when not muted. */
  long secondsMuted(long nowNanos) {
    long left = mutedUntil - nowNanos;
    return left <= 0 ? 0 : (left + 999_999_999L) / 1_000_000_000L;
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(limits.burst(), tokens + elapsed / 1e9 * limits.perSecond());
      refilledAt = nowNanos;
    }
  }
}

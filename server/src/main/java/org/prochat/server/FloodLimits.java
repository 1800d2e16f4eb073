package org.prochat.server;

import java.time.Duration;

/**
 * Per-user flood control: a token bucket of {@code burst} messages refilled at {@code perSecond}.
 * An empty bucket mutes the user for {@code muteFor}; {@code kickAfter} more attempts while muted
 * disconnect them.
 *
 * <p>Defaults: a burst of 20 and 2 per second sustained. A fast typist sends well under one line a
 * second, and a paste of up to 20 lines goes through at once, so neither ever trips it; a script
 * posting in a loop is muted within a second.
 */
public record FloodLimits(int burst, double perSecond, Duration muteFor, int kickAfter) {
  public static final FloodLimits DEFAULTS = new FloodLimits(20, 2.0, Duration.ofSeconds(30), 10);

  public FloodLimits {
    if (burst < 1) {
      throw new IllegalArgumentException("flood burst must be at least 1, got " + burst);
    }
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("flood rate must be positive, got " + perSecond);
    }
    if (muteFor.isNegative() || muteFor.isZero()) {
      throw new IllegalArgumentException("mute time must be positive");
    }
    if (kickAfter < 1) {
      throw new IllegalArgumentException("kick-after must be at least 1, got " + kickAfter);
    }
  }
}

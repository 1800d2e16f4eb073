package org.prochat.server;

import java.time.Duration;

/**
 * Per-address connection limits: at most {@code concurrent} open links and {@code perWindow} new ones
 * within {@code window}.
 *
 * <p>Defaults: 16 at once and 30 a minute, so a classroom behind one NAT address still fits while a
 * reconnect loop does not. Loopback is exempt unless {@code limitLoopback}: people testing on one
 * machine open many clients from 127.0.0.1.
 */
public record ConnectionLimits(int concurrent, int perWindow, Duration window, boolean limitLoopback) {
  public static final ConnectionLimits DEFAULTS = new ConnectionLimits(16, 30, Duration.ofMinutes(1), false);

  public ConnectionLimits {
    if (concurrent < 1) {
      throw new IllegalArgumentException("connections per address must be at least 1, got " + concurrent);
    }
    if (perWindow < 1) {
      throw new IllegalArgumentException("connection rate must be at least 1, got " + perWindow);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("connection rate window must be positive");
    }
  }
}

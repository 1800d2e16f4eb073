package org.prochat.protocol;

/**
 * Heartbeat and round-trip probe; answered by a {@link Pong} carrying the same {@code t}.
 *
 * @param rtt the sender's latest measured round trip to the coordinator in microseconds, or null;
 *     the coordinator uses it to compare proxies
 */
public record Ping(String sid, long t, Long rtt) implements Frame {
  public Ping(String sid, long t) {
    this(sid, t, null);
  }
}

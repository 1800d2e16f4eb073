package org.prochat.protocol;

/** Heartbeat and round-trip probe; answered by a {@link Pong} carrying the same {@code t}. */
public record Ping(String sid, long t) implements Frame {}

package org.prochat.protocol;

/** Answer to {@link Ping}; {@code t} is echoed unchanged. */
public record Pong(String sid, long t) implements Frame {}

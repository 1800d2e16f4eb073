package org.prochat.server.store;

/**
 * A whisper waiting for its offline recipient.
 *
 * @param id the store's row id, 0 before it is stored
 * @param ts when the coordinator accepted it (milliseconds since the epoch)
 */
public record PendingWhisper(long id, long ts, String from, String to, String text) {}

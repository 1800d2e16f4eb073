package org.prochat.server.store;

/**
 * A whisper waiting for its offline recipient.
 *
 * @param id the store's row id, 0 before it is stored
 * @param ts when the coordinator accepted it (milliseconds since the epoch)
 * @param text the words; null for an end-to-end whisper, which only its recipient can open
 * @param box an end-to-end whisper's sealed words; null otherwise
 * @param fromKey with a box: the sender's whisper key, to open it with
 */
public record PendingWhisper(long id, long ts, String from, String to, String text, String box, String fromKey) {
  /** A plain whisper. */
  public PendingWhisper(long id, long ts, String from, String to, String text) {
    this(id, ts, from, to, text, null, null);
  }
}

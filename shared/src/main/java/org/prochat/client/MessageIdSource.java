package org.prochat.client;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out ids for the frames one client sends: a random prefix per client plus a counter, so ids
 * never repeat within a client and are unlikely to collide across clients. Thread-safe.
 */
final class MessageIdSource {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int PREFIX_CHARS = 10;
  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  MessageIdSource() {
    StringBuilder prefix = new StringBuilder(PREFIX_CHARS + 1);
    for (int i = 0; i < PREFIX_CHARS; i++) {
      prefix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    this.prefix = prefix.append('-').toString();
  }

  /** A fresh id, at most 31 characters: far below the protocol's limit. */
  String next() {
    return prefix + counter.incrementAndGet();
  }
}

package org.prochat.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * A user's long-lived X25519 key for end-to-end whispers, kept in their profile. The coordinator
 * hands its public half to the others with the user list.
 */
public final class WhisperKey {
  private final KeyPair pair;
  private final String encodedPublic;

  private WhisperKey(KeyPair pair) {
    this.pair = pair;
    this.encodedPublic = PublicKeys.encode(pair.getPublic());
  }

  /** A new key kept nowhere: whispers sealed for it can't be read after this process ends. */
  public static WhisperKey generate() {
    return new WhisperKey(KeyExchange.newPair());
  }

  /** The key kept in {@code file}, made and written there on first use. */
  public static WhisperKey loadOrCreate(Path file) throws IOException {
    return new WhisperKey(KeyFiles.loadOrCreate(file, "X25519",
        "ProChat whisper key. Keep it secret: it opens the end-to-end whispers sent to you."));
  }

  /** The public half, as it travels in frames. */
  public String publicKey() {
    return encodedPublic;
  }

  KeyPair pair() {
    return pair;
  }
}

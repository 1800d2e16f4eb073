package org.prochat.client;

import java.util.Objects;
import org.prochat.crypto.WhisperKey;

/**
 * What a client trusts and holds: the coordinator identities it pinned, and its own whisper key
 * (for rooms whose whispers are end-to-end encrypted).
 */
public record ClientTrust(ServerKeyPins pins, WhisperKey whisperKey) {
  public ClientTrust {
    Objects.requireNonNull(pins, "pins");
    Objects.requireNonNull(whisperKey, "whisperKey");
  }

  /** Pins and a whisper key for this process only. */
  public static ClientTrust ephemeral() {
    return new ClientTrust(ServerKeyPins.inMemory(), WhisperKey.generate());
  }
}

package org.prochat.client;

import java.util.Objects;
import org.prochat.crypto.WhisperKey;

/**
 * What a client trusts and holds: the coordinator identities it pinned, and its own whisper key
 * (for rooms whose whispers are end-to-end encrypted).
 *
 * @param checksSignatures true (always, for people) to check the coordinator's signature on every
 *     checkpoint before showing room events; false only for the simulated users of a load
 *     generator, hundreds in one program, whose signature checks would otherwise be what is
 *     measured: they still check that each event belongs to the checkpoint's hash chain
 */
public record ClientTrust(ServerKeyPins pins, WhisperKey whisperKey, boolean checksSignatures) {
  public ClientTrust {
    Objects.requireNonNull(pins, "pins");
    Objects.requireNonNull(whisperKey, "whisperKey");
  }

  /** These pins and whisper key, checking every signature. */
  public ClientTrust(ServerKeyPins pins, WhisperKey whisperKey) {
    this(pins, whisperKey, true);
  }

  /** Pins and a whisper key for this process only. */
  public static ClientTrust ephemeral() {
    return new ClientTrust(ServerKeyPins.inMemory(), WhisperKey.generate());
  }

  /** For a load generator's simulated users only: see {@link #checksSignatures}. */
  public static ClientTrust forSimulatedUsers() {
    return new ClientTrust(ServerKeyPins.inMemory(), WhisperKey.generate(), false);
  }
}

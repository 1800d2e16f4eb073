package org.prochat.client;

import java.util.Objects;
import org.prochat.protocol.ErrorFrame;

/**
 * The coordinator refused something: the whole session (a bad or reserved nickname, too many
 * connections) or one frame (muted, text too long, unknown user). {@link #error()} says what and why.
 */
public final class ChatRefusedException extends Exception {
  private final transient ErrorFrame error;

  public ChatRefusedException(ErrorFrame error) {
    super(error.message());
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The coordinator's error frame; its {@code code} is for programs, its {@code message} for people. */
  public ErrorFrame error() {
    return error;
  }
}

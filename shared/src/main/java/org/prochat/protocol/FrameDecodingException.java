package org.prochat.protocol;

/** A line that is not a well-formed frame; {@link #violation()} says why, ready to send back. */
public final class FrameDecodingException extends Exception {
  private final transient Violation violation;

  public FrameDecodingException(ErrorCode code, String message) {
    super(message);
    this.violation = new Violation(code, message);
  }

  public Violation violation() {
    return violation;
  }
}

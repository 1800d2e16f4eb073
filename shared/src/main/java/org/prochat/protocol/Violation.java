package org.prochat.protocol;

/** Why a frame, a nickname or a text was refused: a code for programs and a sentence for people. */
public record Violation(ErrorCode code, String message) {

  /** The error frame that reports this violation for the client frame {@code id} (may be null). */
  public ErrorFrame toFrame(String sid, String id) {
    return new ErrorFrame(sid, code, message, id, false);
  }
}

package org.prochat.protocol;

/**
 * Something the peer sent was refused.
 *
 * @param code machine-readable reason
 * @param message the same for people
 * @param id the client frame id this refers to, when there is one
 * @param fatal true when the sender closes the link right after this frame
 */
public record ErrorFrame(String sid, ErrorCode code, String message, String id, boolean fatal)
    implements Frame {
  public ErrorFrame {
    FrameRules.required(code, "code");
    FrameRules.required(message, "message");
  }

  public static ErrorFrame of(ErrorCode code, String message) {
    return new ErrorFrame(null, code, message, null, false);
  }

  public static ErrorFrame fatal(ErrorCode code, String message) {
    return new ErrorFrame(null, code, message, null, true);
  }
}

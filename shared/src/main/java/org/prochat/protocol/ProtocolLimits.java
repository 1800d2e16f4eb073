package org.prochat.protocol;

/** The protocol's hard limits. Documented in {@code shared/PROTOCOL.md}; change both together. */
public final class ProtocolLimits {
  private ProtocolLimits() {}

  /** The only protocol version so far; carried by the first frame on every link. */
  public static final int VERSION = 1;

  /** Longest accepted line in bytes, newline excluded. Longer lines are discarded with an error. */
  public static final int MAX_LINE_BYTES = 16 * 1024;

  /** Longest message or whisper text, in Unicode code points. */
  public static final int MAX_TEXT_CODE_POINTS = 2000;

  /** Longest nickname, in Unicode code points. */
  public static final int MAX_NICK_CODE_POINTS = 24;

  /** Longest client-chosen message id. */
  public static final int MAX_ID_CHARS = 64;
}

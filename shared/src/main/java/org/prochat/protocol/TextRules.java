package org.prochat.protocol;

import java.util.Optional;

/**
 * What a message or whisper text may be: not blank, at most {@link ProtocolLimits#MAX_TEXT_CODE_POINTS}
 * code points, one line without control characters (clients split a multi-line paste into lines).
 */
public final class TextRules {
  private TextRules() {}

  /** Why {@code text} can't be posted, or empty when it can. */
  public static Optional<Violation> check(String text) {
    if (text.isBlank()) {
      return Optional.of(new Violation(ErrorCode.TEXT_INVALID, "the text is empty"));
    }
    if (text.codePointCount(0, text.length()) > ProtocolLimits.MAX_TEXT_CODE_POINTS) {
      return Optional.of(new Violation(ErrorCode.TEXT_TOO_LONG,
          "a message has at most " + ProtocolLimits.MAX_TEXT_CODE_POINTS + " characters"));
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      return Optional.of(new Violation(ErrorCode.TEXT_INVALID,
          "a message is one line without control characters"));
    }
    return Optional.empty();
  }
}

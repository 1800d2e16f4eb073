package org.prochat.protocol;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes a nickname acceptable, and when two nicknames are the same person.
 *
 * <p>A nickname is 1 to {@link ProtocolLimits#MAX_NICK_CODE_POINTS} code points of letters, digits,
 * combining marks and {@code - _ . [ ] { } | ^ '}. No spaces, control or invisible formatting
 * characters (such as bidi overrides), so a name always looks like what it is. A leading {@code *}
 * marks a user coming through a relay and is only granted by the coordinator.
 */
public final class NicknameRules {
  /** Prefix of users who come through a trusted relay. */
  public static final String RELAYED_PREFIX = "*";

  private static final String ALLOWED_PUNCTUATION = "-_.[]{}|^'";

  private NicknameRules() {}

  /** Why {@code nick} is not acceptable from an ordinary client, or empty when it is. */
  public static Optional<Violation> check(String nick) {
    if (nick.startsWith(RELAYED_PREFIX)) {
      return Optional.of(new Violation(ErrorCode.NICK_RESERVED,
          "names starting with '*' are reserved for users coming through a relay"));
    }
    return checkBody(nick);
  }

  /** Like {@link #check} but for a name a trusted relay presents, {@code *} prefix included. */
  public static Optional<Violation> checkRelayed(String nick) {
    if (!nick.startsWith(RELAYED_PREFIX)) {
      return Optional.of(new Violation(ErrorCode.NICK_INVALID, "relayed names start with '*'"));
    }
    return checkBody(nick.substring(RELAYED_PREFIX.length()));
  }

  private static Optional<Violation> checkBody(String nick) {
    int length = nick.codePointCount(0, nick.length());
    if (length == 0 || length > ProtocolLimits.MAX_NICK_CODE_POINTS) {
      return Optional.of(new Violation(ErrorCode.NICK_INVALID,
          "a nickname has 1 to " + ProtocolLimits.MAX_NICK_CODE_POINTS + " characters"));
    }
    return nick.codePoints()
        .filter(c -> !allowed(c))
        .boxed()
        .findFirst()
        .map(c -> new Violation(ErrorCode.NICK_INVALID,
            "a nickname may not contain " + describe(c)
                + "; use letters, digits and " + ALLOWED_PUNCTUATION));
  }

  /**
   * The identity of a nickname: names that differ only in case or in Unicode compatibility forms
   * (full-width letters, ligatures) are the same name.
   */
  public static String key(String nick) {
    return Normalizer.normalize(nick, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private static boolean allowed(int c) {
    return Character.isLetterOrDigit(c)
        || Character.getType(c) == Character.NON_SPACING_MARK
        || Character.getType(c) == Character.COMBINING_SPACING_MARK
        || ALLOWED_PUNCTUATION.indexOf(c) >= 0;
  }

  private static String describe(int c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return "spaces";
    }
    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
      return "control or invisible characters";
    }
    return "'" + Character.toString(c) + "'";
  }
}

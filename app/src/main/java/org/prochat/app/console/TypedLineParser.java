package org.prochat.app.console;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user typed, as the console acts on it: a paste of several lines is several messages,
 * blank lines are nothing, and {@code /quit} (or {@code /exit}) ends the console. Every other line,
 * commands included, goes to the coordinator as it is.
 */
final class TypedLineParser {
  // Same names as the coordinator's /quit, so a user's habit works either way.
  private static final Pattern QUIT = Pattern.compile("/(?:quit|exit)(?:\\s+(.*))?", Pattern.CASE_INSENSITIVE);
  private static final String DEFAULT_QUIT_REASON = "quit";

  private TypedLineParser() {}

  /** The lines worth sending in {@code typed}, in order. */
  static List<String> lines(String typed) {
    return typed.lines().filter(line -> !line.isBlank()).toList();
  }

  /** The reason to leave with when {@code line} is {@code /quit [REASON]}, otherwise empty. */
  static Optional<String> quitReason(String line) {
    Matcher quit = QUIT.matcher(line.strip());
    if (!quit.matches()) {
      return Optional.empty();
    }
    String reason = quit.group(1);
    return Optional.of(reason == null || reason.isBlank() ? DEFAULT_QUIT_REASON : reason.strip());
  }
}

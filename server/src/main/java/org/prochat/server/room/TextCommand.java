package org.prochat.server.room;

import java.util.Locale;

/**
 * A line typed by a user that starts with {@code /}. Parsing only; the room carries them out.
 * {@code //text} is not a command: it posts {@code /text}.
 */
sealed interface TextCommand {
  String HELP = String.join("\n",
      "Commands:",
      "  /online (or /who)        who is in the room",
      "  /msg NICK TEXT (or /w)   whisper to NICK only; kept for them while they are offline",
      "  /route                   how your messages reach the coordinator",
      "  /quit [REASON]           leave the room",
      "  /help                    this list",
      "Start a line with // to post a message that begins with /.");

  record Help() implements TextCommand {}

  record Online() implements TextCommand {}

  record Route() implements TextCommand {}

  record Msg(String to, String text) implements TextCommand {}

  record Quit(String reason) implements TextCommand {}

  /** A known command used wrongly; {@code usage} says how it goes. */
  record Misused(String usage) implements TextCommand {}

  record Unknown(String name) implements TextCommand {}

  /** True for a line that is a command rather than a message. */
  static boolean isCommand(String text) {
    return text.startsWith("/") && !text.startsWith("//");
  }

  /** Parses a line for which {@link #isCommand} is true. */
  static TextCommand parse(String text) {
    String[] parts = text.substring(1).strip().split("\\s+", 3);
    String name = parts[0].toLowerCase(Locale.ROOT);
    return switch (name) {
      case "help", "?" -> new Help();
      case "online", "who", "names" -> new Online();
      case "route" -> new Route();
      case "msg", "w", "whisper" -> parts.length == 3
          ? new Msg(parts[1], parts[2])
          : new Misused("usage: /" + name + " NICK TEXT");
      case "quit", "exit" -> new Quit(parts.length > 1 ? text.substring(1).strip().split("\\s+", 2)[1] : "quit");
      default -> new Unknown(name);
    };
  }
}

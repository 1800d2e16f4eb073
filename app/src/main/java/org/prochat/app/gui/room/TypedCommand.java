package org.prochat.app.gui.room;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a line typed into the room's input means to the app. {@code /quit} (or {@code /exit}) leaves;
 * {@code /msg} and {@code /w} whisper through the whisper window, so the conversation is kept in one
 * place; everything else, other commands included, goes to the coordinator as typed.
 */
sealed interface TypedCommand {
  /** Text for the coordinator: a message, or a command it runs ({@code /help}, {@code /online}, ...). */
  record Say(String text) implements TypedCommand {}

  /** Open the whisper window for {@code nick}, and send {@code text} there unless it is empty. */
  record Whisper(String nick, String text) implements TypedCommand {}

  /** Leave with {@code reason}. */
  record Quit(String reason) implements TypedCommand {}

  Pattern QUIT = Pattern.compile("/(?:quit|exit)(?:\\s+(.*))?", Pattern.CASE_INSENSITIVE);
  Pattern WHISPER = Pattern.compile("/(?:msg|w)\\s+(\\S+)(?:\\s+(.*))?", Pattern.CASE_INSENSITIVE);

  /** What {@code line} asks for. */
  static TypedCommand parse(String line) {
    String trimmed = line.strip();
    Matcher quit = QUIT.matcher(trimmed);
    if (quit.matches()) {
      String reason = quit.group(1);
      return new Quit(reason == null || reason.isBlank() ? "quit" : reason.strip());
    }
    Matcher whisper = WHISPER.matcher(trimmed);
    if (whisper.matches()) {
      String text = whisper.group(2);
      return new Whisper(whisper.group(1), text == null ? "" : text.strip());
    }
    return new Say(line);
  }
}

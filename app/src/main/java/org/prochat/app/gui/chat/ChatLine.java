package org.prochat.app.gui.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One line in a chat window.
 *
 * @param kind what it is, which decides how it looks
 * @param time when it happened (the coordinator's time for room events and whispers)
 * @param nick who it is from or about; null for lines that are about nobody (notices, errors)
 * @param text what to show, emoji shortcodes already turned into emoji
 */
public record ChatLine(Kind kind, Instant time, String nick, String text) {
  /** What a line is. */
  public enum Kind {
    /** Someone else's room message. */
    MESSAGE,
    /** This user's own room message, as the room saw it. */
    OWN_MESSAGE,
    /** Someone (or, in a big room, several at once) entered the room. */
    JOIN,
    /** Someone (or several at once) left the room. */
    LEAVE,
    /** Text from the coordinator, such as command output. */
    NOTICE,
    /** Something was refused or went wrong. */
    ERROR,
    /** What the app itself has to say: who you are, connection changes, a queued whisper. */
    STATUS,
    /** A whisper from the other person. */
    WHISPER_IN,
    /** A whisper this user sent. */
    WHISPER_OUT
  }

  public ChatLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(text, "text");
  }

  /** A message-like line (someone said something), rendered with emoji. */
  public static ChatLine said(Kind kind, Instant time, String nick, String text) {
    return new ChatLine(kind, time, Objects.requireNonNull(nick, "nick"), EmojiShortcodes.render(text));
  }

  /** A line about something that happened rather than something someone said. */
  public static ChatLine about(Kind kind, Instant time, String text) {
    return new ChatLine(kind, time, null, text);
  }
}

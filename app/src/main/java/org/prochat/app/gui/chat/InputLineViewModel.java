package org.prochat.app.gui.chat;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.prochat.protocol.ProtocolLimits;

/**
 * The line the user types into: its text, how much room is left before the protocol's limit, and the
 * history Up and Down walk through. The counter appears when the text gets close to the limit, so the
 * limit is seen before it bites.
 *
 * <p><b>Threading:</b> confined to the JavaFX thread (or a test's thread).
 */
public final class InputLineViewModel {
  /** The counter shows once this few characters are left. */
  static final int WARN_WHEN_LEFT = 200;
  private static final int HISTORY_LIMIT = 200;

  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final InputHistory history = new InputHistory(HISTORY_LIMIT);
  private final IntegerBinding left = Bindings.createIntegerBinding(
      () -> ProtocolLimits.MAX_TEXT_CODE_POINTS - codePoints(text.get()), text);
  private final BooleanBinding tooLong = left.lessThan(0);
  private final StringBinding counter = Bindings.createStringBinding(() -> {
    int remaining = left.get();
    if (remaining < 0) {
      return -remaining + " too many";
    }
    return remaining <= WARN_WHEN_LEFT ? remaining + " left" : "";
  }, left);

  /** What is typed; the view binds its text field to it both ways. */
  public StringProperty textProperty() {
    return text;
  }

  /** Characters left before the limit; negative once over it. */
  public IntegerBinding leftProperty() {
    return left;
  }

  /** True while the text is longer than a message may be. */
  public BooleanBinding tooLongProperty() {
    return tooLong;
  }

  /** "12 left", "3 too many", or empty while the limit is far away. */
  public StringBinding counterProperty() {
    return counter;
  }

  /**
   * Takes what was typed for sending: remembers it in the history and empties the line.
   *
   * @return the text, or null when there is nothing worth sending (blank) or it is too long (the text
   *     stays so the user can shorten it)
   */
  public String take() {
    String typed = text.get();
    if (typed.isBlank() || tooLong.get()) {
      return null;
    }
    history.add(typed);
    text.set("");
    return typed;
  }

  /** Up: the previous line from the history, if any. */
  public void recallPrevious() {
    history.previous(text.get()).ifPresent(text::set);
  }

  /** Down: the next line from the history, or the draft past the newest. */
  public void recallNext() {
    history.next().ifPresent(text::set);
  }

  private static int codePoints(String value) {
    return value == null ? 0 : value.codePointCount(0, value.length());
  }
}

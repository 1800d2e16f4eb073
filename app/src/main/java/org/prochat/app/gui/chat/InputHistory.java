package org.prochat.app.gui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the user sent, for Up and Down to bring back, as in a shell: Up walks back from the newest,
 * Down walks forward and past the newest returns the draft that was being typed. Repeating the same
 * line keeps one copy; the oldest lines go once {@code limit} is reached.
 *
 * <p><b>Threading:</b> confined to one thread (the JavaFX thread).
 */
public final class InputHistory {
  private final int limit;
  private final List<String> sent = new ArrayList<>();
  private int cursor;
  private String draft = "";

  public InputHistory(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    this.limit = limit;
  }

  /** Remembers {@code line} as the newest and resets the walk. */
  public void add(String line) {
    if (sent.isEmpty() || !sent.getLast().equals(line)) {
      sent.add(line);
      if (sent.size() > limit) {
        sent.removeFirst();
      }
    }
    cursor = sent.size();
    draft = "";
  }

  /**
   * One step back from where the walk is.
   *
   * @param current what the input line holds now; kept as the draft when the walk starts
   * @return the older line, or empty when there is none
   */
  public Optional<String> previous(String current) {
    if (cursor == 0) {
      return Optional.empty();
    }
    if (cursor == sent.size()) {
      draft = current;
    }
    return Optional.of(sent.get(--cursor));
  }

  /** One step forward: the newer line, the draft once past the newest, or empty when not walking. */
  public Optional<String> next() {
    if (cursor >= sent.size()) {
      return Optional.empty();
    }
    cursor++;
    return Optional.of(cursor == sent.size() ? draft : sent.get(cursor));
  }
}

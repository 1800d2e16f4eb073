package org.prochat.app.gui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lines of one chat window, at most {@code capacity} of them (the oldest go first).
 *
 * <p>Lines appended during one batch of events reach {@link #lines()} together, as one change, when
 * the batch ends ({@code endOfBatch} runs the flush): a burst of thousands of messages costs the list
 * view one update, not thousands.
 *
 * <p>While the user has scrolled up ({@link #followingProperty()} false, kept by the view), new lines
 * are counted in {@link #unseenProperty()} so the window can show a "new messages" marker.
 *
 * <p><b>Threading:</b> confined to the JavaFX thread (or a test's thread).
 */
public final class MessageLog {
  private final int capacity;
  private final Executor endOfBatch;
  private final ObservableList<ChatLine> lines = FXCollections.observableArrayList();
  private final List<ChatLine> pending = new ArrayList<>();
  private final BooleanProperty following = new SimpleBooleanProperty(this, "following", true);
  private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper(this, "unseen");

  /**
   * @param capacity the most lines kept
   * @param endOfBatch runs a task once the current batch of events is applied
   */
  public MessageLog(int capacity, Executor endOfBatch) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.endOfBatch = Objects.requireNonNull(endOfBatch, "endOfBatch");
    following.addListener((property, was, now) -> {
      if (now) {
        unseen.set(0);
      }
    });
  }

  /** Adds {@code line} at the end, visible once the current batch ends. */
  public void append(ChatLine line) {
    Objects.requireNonNull(line, "line");
    pending.add(line);
    if (pending.size() == 1) {
      endOfBatch.execute(this::flush);
    }
  }

  /** The lines shown, oldest first; read-only for views. */
  public ObservableList<ChatLine> lines() {
    return FXCollections.unmodifiableObservableList(lines);
  }

  /** True while the view shows the newest line; set by the view as the user scrolls. */
  public BooleanProperty followingProperty() {
    return following;
  }

  /** Lines added since the user scrolled away from the newest one. */
  public ReadOnlyIntegerProperty unseenProperty() {
    return unseen.getReadOnlyProperty();
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<ChatLine> arriving = pending.size() > capacity ? pending.subList(pending.size() - capacity, pending.size())
        : pending;
    int overflow = lines.size() + arriving.size() - capacity;
    if (overflow > 0) {
      lines.remove(0, overflow);
    }
    lines.addAll(arriving);
    if (!following.get()) {
      unseen.set(unseen.get() + pending.size());
    }
    pending.clear();
  }
}

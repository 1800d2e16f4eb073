package org.prochat.app.gui.chat;

import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How the view models of one session run: where network results are handed back to the UI, where
 * once-per-batch work goes, what time it is, and how many lines a window keeps.
 *
 * @param ui runs a task on the UI thread, in order (the app's event batcher)
 * @param endOfBatch runs a task after the current batch of UI tasks
 * @param clock now, for lines the app writes itself and for countdowns
 * @param scrollback the most lines a chat window keeps
 */
public record UiContext(Executor ui, Executor endOfBatch, InstantSource clock, int scrollback) {
  public UiContext {
    Objects.requireNonNull(ui, "ui");
    Objects.requireNonNull(endOfBatch, "endOfBatch");
    Objects.requireNonNull(clock, "clock");
    if (scrollback < 1) {
      throw new IllegalArgumentException("scrollback must be at least 1, got " + scrollback);
    }
  }

  /** A new, empty message log for one window. */
  public MessageLog newLog() {
    return new MessageLog(scrollback, endOfBatch);
  }
}

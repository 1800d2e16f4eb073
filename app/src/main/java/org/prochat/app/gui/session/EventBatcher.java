package org.prochat.app.gui.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks from any thread on the JavaFX thread, in submission order, gathered into one batch per
 * pulse (frame): however fast the network delivers, the UI is updated at most once per frame, and the
 * tasks queued for a frame run back to back followed by the {@link #endOfBatch()} work (such as
 * showing all new lines in one list change).
 *
 * <p>An {@link AnimationTimer} does the draining and runs only while there is something to drain, so
 * an idle window costs no frames. Each batch takes at most the tasks present when it starts; tasks
 * arriving meanwhile wait for the next frame, so a flood can't keep the thread from rendering.
 *
 * <p><b>Threading:</b> {@link #execute} from any thread; everything else on the JavaFX thread. Needs a
 * started JavaFX platform.
 */
public final class EventBatcher implements Executor {
  private static final Logger log = LoggerFactory.getLogger(EventBatcher.class);

  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final List<Runnable> batchEnd = new ArrayList<>();
  private final EventBatcherStats stats = new EventBatcherStats();
  private final AnimationTimer pulse = new AnimationTimer() {
    @Override
    public void handle(long now) {
      drain();
    }
  };
  private boolean draining;

  /** Queues {@code task} for the next frame. */
  @Override
  public void execute(Runnable task) {
    queue.add(task);
    queued.incrementAndGet();
    if (scheduled.compareAndSet(false, true)) {
      Platform.runLater(pulse::start);
    }
  }

  /**
   * Runs a task after the current batch's tasks, still within the same frame; outside a batch, in the
   * next one. For work worth doing once per batch rather than once per event.
   */
  public Executor endOfBatch() {
    return task -> {
      if (draining) {
        batchEnd.add(task);
      } else {
        execute(task);
      }
    };
  }

  /** What the batcher has done so far, for the burst benchmark. */
  public EventBatcherStats stats() {
    return stats;
  }

  private void drain() {
    long started = System.nanoTime();
    draining = true;
    // Counted after being queued, so every counted task is there to poll.
    int due = queued.get();
    for (int i = 0; i < due; i++) {
      queued.decrementAndGet();
      runGuarded(queue.poll());
    }
    for (int i = 0; i < batchEnd.size(); i++) {
      runGuarded(batchEnd.get(i));
    }
    batchEnd.clear();
    draining = false;
    stats.record(due, System.nanoTime() - started);
    // Stop when idle; a task queued after the check finds 'scheduled' false and starts the timer again.
    scheduled.set(false);
    if (queued.get() == 0 || !scheduled.compareAndSet(false, true)) {
      pulse.stop();
    }
  }

  /** One faulty task must not take the rest of the batch, or the next frames, with it. */
  private static void runGuarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("A UI update failed", e);
    }
  }
}

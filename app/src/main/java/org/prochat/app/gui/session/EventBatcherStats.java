package org.prochat.app.gui.session;

/**
 * How much work an {@link EventBatcher} did on the JavaFX thread: batches, tasks and the time spent
 * running them. Written and read on the JavaFX thread.
 */
public final class EventBatcherStats {
  private long batches;
  private long tasks;
  private long busyNanos;
  private long longestBatchNanos;

  /** The figures so far, apart from later changes. */
  public EventBatcherStats copy() {
    EventBatcherStats copy = new EventBatcherStats();
    copy.batches = batches;
    copy.tasks = tasks;
    copy.busyNanos = busyNanos;
    copy.longestBatchNanos = longestBatchNanos;
    return copy;
  }

  void record(int batchTasks, long nanos) {
    batches++;
    tasks += batchTasks;
    busyNanos += nanos;
    longestBatchNanos = Math.max(longestBatchNanos, nanos);
  }

  public long batches() {
    return batches;
  }

  public long tasks() {
    return tasks;
  }

  /** Total time spent running batches. */
  public long busyNanos() {
    return busyNanos;
  }

  /** The longest single batch. */
  public long longestBatchNanos() {
    return longestBatchNanos;
  }
}

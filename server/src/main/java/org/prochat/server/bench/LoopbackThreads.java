package org.prochat.server.bench;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads of a loopback run, one task each. The first task to fail interrupts the others: a
 * writer would otherwise wait for a stamp the first writer will never hand it, and the reader for a
 * finish that never comes. Closing interrupts whatever still runs and waits for every thread to end,
 * so none outlives the sockets it uses.
 */
final class LoopbackThreads implements AutoCloseable {
  /** A task's thread, for its CPU time, and its outcome. */
  record Started<T>(Thread thread, Future<T> outcome) {}

  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

  /** Runs {@code task} on a platform thread of its own (one whose CPU time can be read) named {@code name}. */
  <T> Started<T> start(String name, Callable<T> task) {
    FutureTask<T> outcome = new FutureTask<>(task) {
      @Override
      protected void setException(Throwable failure) {
        firstFailure.compareAndSet(null, failure);
        super.setException(failure);
        interruptAll();
      }
    };
    Thread thread = Thread.ofPlatform().name(name).unstarted(outcome);
    threads.add(thread);
    thread.start();
    return new Started<>(thread, outcome);
  }

  /**
   * What {@code task} returned, once it has; if any task failed, the first failure (the later ones
   * are mostly the interruptions it caused) as the cause.
   */
  <T> T result(Started<T> task) throws ExecutionException, InterruptedException {
    try {
      return task.outcome().get();
    } catch (ExecutionException e) {
      throw new ExecutionException(firstFailure.get());
    }
  }

  @Override
  public void close() throws InterruptedException {
    interruptAll();
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private void interruptAll() {
    threads.forEach(Thread::interrupt);
  }
}

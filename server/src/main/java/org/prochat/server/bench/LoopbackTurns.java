package org.prochat.server.bench;

/**
 * How a loopback writer learns that a broadcast starts, and its stamp: the first writer keeps the
 * schedule itself ({@link LoopbackPacer}), the others are handed each stamp by it.
 */
interface LoopbackTurns {
  /** Returns once broadcast {@code index} (from 0) starts, with its stamp ({@link System#nanoTime}). */
  long stamp(long index) throws InterruptedException;

  /** Called once the writer has written its last broadcast. */
  default void ended() throws InterruptedException {}
}

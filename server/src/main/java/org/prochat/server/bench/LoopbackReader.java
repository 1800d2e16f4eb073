package org.prochat.server.bench;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The one reader thread of a loopback run, reading as the fan-out generator reads: the timed
 * sockets ({@link FanoutSample}) the moment data arrives (a selector), every line timed; the others
 * only counted, a slice of them every 5 ms ({@link FanoutDrain#SLICES} slices), so each is read every
 * {@link FanoutDrain#INTERVAL_MILLIS} ms, as if those users were on other machines. Once the writers
 * are done ({@link #finish()}) it reads every socket until every line has come, so the count is exact.
 */
final class LoopbackReader implements Callable<Histogram>, AutoCloseable {
  private static final long SLICE_NANOS =
      TimeUnit.MILLISECONDS.toNanos(FanoutDrain.INTERVAL_MILLIS) / FanoutDrain.SLICES;
  /**
   * How long the last lines get to come once the writers are done: on loopback a line is in the
   * reading socket by the time its write returns, so this only bounds a run that lost some.
   */
  private static final long LAST_LINES_NANOS = TimeUnit.SECONDS.toNanos(5);
  /** One read's buffer: a drained socket holds ~1.5 KB after 50 ms at 200 broadcasts a second. */
  private static final int CHUNK_BYTES = 64 * 1024;

  /** A socket read, and what is known of it. */
  private record User(SocketChannel socket, LoopbackReceiver receiver) {}

  private final Selector selector;
  private final List<User> users = new ArrayList<>();
  private final List<User> drained = new ArrayList<>();
  private final Histogram latencyMicros = new Histogram(3);
  /** Heap, so a counted socket's newlines are looked for in its array. */
  private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
  private final long broadcasts;
  private volatile boolean finishing;

  /**
   * @param sockets the ends to read, in join order, non-blocking
   * @param warmUp broadcasts before the measured ones
   * @param broadcasts broadcasts in all, warm-up included: the lines each socket will get
   */
  LoopbackReader(List<SocketChannel> sockets, FanoutSample sample, LoopbackLine line, long warmUp, long broadcasts)
      throws IOException {
    this.broadcasts = broadcasts;
    selector = Selector.open();
    try {
      for (int i = 0; i < sockets.size(); i++) {
        boolean timed = sample.timed(i);
        User user = new User(sockets.get(i), new LoopbackReceiver(line, warmUp, timed ? latencyMicros : null));
        users.add(user);
        if (timed) {
          user.socket().register(selector, SelectionKey.OP_READ, user);
        } else {
          drained.add(user);
        }
      }
    } catch (IOException | RuntimeException e) {
      selector.close();
      throw e;
    }
  }

  /** Reads until {@link #finish()}, then the last lines; the timed sockets' latencies of measured broadcasts (µs). */
  @Override
  public Histogram call() throws IOException, InterruptedException {
    long nextSlice = System.nanoTime() + SLICE_NANOS;
    int slice = 0;
    while (!finishing) {
      if (Thread.interrupted()) {
        throw new InterruptedException(); // the run failed elsewhere; select() only woke up
      }
      long wait = nextSlice - System.nanoTime();
      if (wait > 0) {
        // select(0) would wait for ever: at least a millisecond, a slice a little late at worst.
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
        readSelected();
      } else {
        for (int i = slice; i < drained.size(); i += FanoutDrain.SLICES) {
          read(drained.get(i));
        }
        slice = (slice + 1) % FanoutDrain.SLICES;
        nextSlice += SLICE_NANOS;
      }
    }
    readTheLastLines();
    return latencyMicros;
  }

  /** The writers are done: reads every socket to the end, then returns from {@link #call()}. */
  void finish() {
    finishing = true;
    selector.wakeup();
  }

  /** Lines of measured broadcasts that came, all sockets together. */
  long measuredLines() {
    return users.stream().mapToLong(user -> user.receiver().measuredLines()).sum();
  }

  /** Lines that did not come (expected none): every socket should have got every broadcast. */
  long missingLines() {
    return users.stream().mapToLong(user -> Math.max(0, broadcasts - user.receiver().lines())).sum();
  }

  @Override
  public void close() throws IOException {
    selector.close();
  }

  private void readSelected() throws IOException {
    for (Iterator<SelectionKey> ready = selector.selectedKeys().iterator(); ready.hasNext(); ) {
      read((User) ready.next().attachment());
      ready.remove();
    }
  }

  private void readTheLastLines() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + LAST_LINES_NANOS;
    while (true) {
      for (User user : users) {
        read(user);
      }
      if (missingLines() == 0 || System.nanoTime() > deadline) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(1); // lines still on their way, which loopback hardly ever has
    }
  }

  /** Reads what {@code user}'s socket holds: on while the buffer comes back full. */
  private void read(User user) throws IOException {
    int read;
    do {
      chunk.clear();
      read = user.socket().read(chunk);
      if (read < 0) {
        throw new EOFException("a loopback socket was closed by its writing end");
      }
      chunk.flip();
      user.receiver().take(chunk, System.nanoTime());
    } while (read == CHUNK_BYTES);
  }
}

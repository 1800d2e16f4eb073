package org.prochat.server.web;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Passes every line the process writes to standard error — which is where slf4j-simple writes the
 * server log — to listeners, while still writing it to the original stream.
 *
 * <p>Why a tee of {@code System.err}: slf4j-simple has no appender API and resolves
 * {@code System.err} at each write, so wrapping the stream sees every log line without replacing
 * the logging backend; it also catches what is not logged through slf4j (a stack trace printed by
 * a library), which an admin wants to see too. Standard error is one per process, so the tap is
 * too: a listener sees lines from every coordinator in the process (one in production). If
 * something else replaces {@code System.err} later (a test capturing output), the next
 * {@link #subscribe} wraps the new stream.
 *
 * <p>Threading: lines are cut under the tee's lock and passed to listeners on the writing thread,
 * so a listener must only hand the line over (never block, never write to standard error).
 * Lines longer than {@link #MAX_LINE_BYTES} are cut.
 */
public final class ServerLogTap {
  static final int MAX_LINE_BYTES = 4096;
  private static final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  private ServerLogTap() {}

  /**
   * Passes each complete line written to standard error from now on to {@code listener}, until the
   * returned subscription is closed.
   */
  public static synchronized Subscription subscribe(Consumer<String> listener) {
    if (!(System.err instanceof Tee)) {
      System.setErr(new Tee(System.err));
    }
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Stops a listener; closing twice does nothing. */
  @FunctionalInterface
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** The replacement {@code System.err}: writes through to the original and cuts lines for the listeners. */
  private static final class Tee extends PrintStream {
    Tee(PrintStream original) {
      super(new LineSplitter(original), true, StandardCharsets.UTF_8);
    }
  }

  private static final class LineSplitter extends OutputStream {
    private final PrintStream original;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineSplitter(PrintStream original) {
      this.original = original;
    }

    @Override
    public synchronized void write(int b) {
      original.write(b);
      take(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      original.write(bytes, offset, length);
      for (int i = offset; i < offset + length; i++) {
        take(bytes[i]);
      }
    }

    @Override
    public void flush() {
      original.flush();
    }

    private void take(int b) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        String complete = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        listeners.forEach(listener -> listener.accept(complete));
      } else if (line.size() < MAX_LINE_BYTES) {
        line.write(b);
      }
    }
  }
}

package org.prochat.server.bench;

import java.nio.ByteBuffer;
import org.HdrHistogram.Histogram;
import org.prochat.protocol.ProtocolLimits;

/**
 * What the loopback reader knows of one socket: how many lines came, and for a timed socket how
 * late each one was. The writers write every broadcast to every socket in order, so the n-th line on
 * a socket is the n-th broadcast: lines before {@code warmUp} belong to the warm-up and are neither
 * timed nor counted as measured. Reads may end anywhere in a line; a timed socket keeps the start of
 * a line until its end comes ({@link FanoutLineSplitter}), a counted one just counts newlines. Reader
 * thread only.
 */
final class LoopbackReceiver implements FanoutLineSplitter.Sink {
  private final LoopbackLine line;
  private final long warmUp;
  /** The reader's histogram for a timed socket; null for one only counted. */
  private final Histogram latencyMicros;
  private final FanoutLineSplitter splitter;
  private long lines;
  /** When the read being split returned. */
  private long readNanos;

  /**
   * @param warmUp broadcasts before the measured ones
   * @param latencyMicros where a timed socket's latencies go; null to only count lines
   */
  LoopbackReceiver(LoopbackLine line, long warmUp, Histogram latencyMicros) {
    this.line = line;
    this.warmUp = warmUp;
    this.latencyMicros = latencyMicros;
    // Not the line's length: after a write that did not fit, a socket's next line comes garbled and longer.
    this.splitter = latencyMicros == null ? null : new FanoutLineSplitter(ProtocolLimits.MAX_LINE_BYTES);
  }

  /** Takes what one read returned at {@code now}: {@code chunk}'s remaining bytes, in a heap buffer; consumes them. */
  void take(ByteBuffer chunk, long now) {
    if (splitter != null) {
      readNanos = now;
      splitter.split(chunk, this);
      return;
    }
    byte[] bytes = chunk.array();
    int to = chunk.arrayOffset() + chunk.limit();
    for (int lf = FanoutLineSplitter.indexOfNewline(bytes, chunk.arrayOffset() + chunk.position(), to); lf >= 0;
        lf = FanoutLineSplitter.indexOfNewline(bytes, lf + 1, to)) {
      lines++;
    }
    chunk.position(chunk.limit());
  }

  @Override
  public void line(byte[] bytes, int from, int to) {
    if (lines++ >= warmUp) {
      latencyMicros.recordValue(line.latencyNanos(bytes, from, to, readNanos) / 1000);
    }
  }

  /** Lines that came so far, warm-up included. */
  long lines() {
    return lines;
  }

  /** Lines of measured broadcasts that came so far. */
  long measuredLines() {
    return Math.max(0, lines - warmUp);
  }
}

package org.prochat.server.bench;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Cuts what a simulated user's link reads into lines, in one array reused for the link's life: no
 * object and no trip through the pipeline per line. A framing decoder made a slice per line and the
 * scan then read it a byte at a time through the buffer's bounds and liveness checks; at two million
 * deliveries a second that was most of the generator's time. One link, its loop only.
 */
final class FanoutLineSplitter {
  /** Where each line goes: {@code bytes[from, to)}, without its newline, valid during the call only. */
  interface Sink {
    void line(byte[] bytes, int from, int to);
  }

  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final int maxLineBytes;
  private byte[] held = new byte[8192];
  /** Bytes held from earlier reads: the start of a line whose newline has not come yet. */
  private int length;

  FanoutLineSplitter(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  /** Adds {@code chunk}'s readable bytes (consuming them) and passes on every line they complete. */
  void split(ByteBuf chunk, Sink sink) {
    int added = chunk.readableBytes();
    chunk.readBytes(roomFor(added), length, added);
    cut(length + added, sink);
  }

  /** The same for a plain NIO read ({@link LoopbackReceiver}): {@code chunk}'s remaining bytes, consumed. */
  void split(ByteBuffer chunk, Sink sink) {
    int added = chunk.remaining();
    chunk.get(roomFor(added), length, added);
    cut(length + added, sink);
  }

  /** The array, grown if it can't take {@code added} more bytes after those held. */
  private byte[] roomFor(int added) {
    if (length + added > held.length) {
      held = Arrays.copyOf(held, Math.max(held.length * 2, length + added));
    }
    return held;
  }

  /** Passes on every line in {@code held[0, end)} and keeps the unfinished rest at the start. */
  private void cut(int end, Sink sink) {
    int start = 0;
    // The held part has no newline: only the new bytes need looking at.
    for (int lf = indexOfNewline(held, length, end); lf >= 0; lf = indexOfNewline(held, lf + 1, end)) {
      sink.line(held, start, lf);
      start = lf + 1;
    }
    length = end - start;
    if (length > maxLineBytes) {
      throw new IllegalStateException("received a line longer than " + maxLineBytes + " bytes");
    }
    System.arraycopy(held, start, held, 0, length);
  }

  /**
   * The first newline in {@code bytes[from, to)}, or -1; eight bytes at a time: a byte of the word
   * XORed with newlines is zero exactly where a newline stands, and subtracting one from every byte
   * sets the top bit of the lowest such byte.
   */
  static int indexOfNewline(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) WORDS.get(bytes, i) ^ NEWLINES;
      long zeros = (word - ONES) & ~word & HIGH_BITS;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}

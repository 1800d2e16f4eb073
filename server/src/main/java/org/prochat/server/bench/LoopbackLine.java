package org.prochat.server.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Message;

/**
 * The line a loopback run writes to every socket per broadcast: the message event the coordinator
 * sends for a fan-out text of the same size, encoded by the protocol's codec, so a write here carries
 * the bytes a coordinator's write does. Each broadcast stamps its start into the text, where the
 * fan-out generator's send time stands, and the reader finds it as the generator does
 * ({@link FanoutTextMark}).
 *
 * <p>The stamp keeps the width {@link System#nanoTime} has when the line is made (the line is as long
 * as the fan-out's at that moment) and holds the clock's last digits: latencies are far below the
 * 10^digits nanoseconds at which they would wrap round (2.8 hours with the 13 digits of a clock
 * started an hour ago), so the difference modulo 10^digits is the latency, even if the clock gains a
 * digit during a run.
 */
final class LoopbackLine {
  /** The fields a fan-out message event carries besides its text, as in the middle of a 500-user, 200/s run. */
  private static final long SEQ = 2_000;
  private static final String SENDER = "b3";
  private static final String SENDER_ID = SENDER + "-200";
  /** Where the stamp's digits start: after the mark {@link FanoutTextMark#PLAIN} looks for. */
  private static final byte[] MARK = "\"text\":\"fb ".getBytes(StandardCharsets.US_ASCII);
  /** 10^18 still fits a long; a clock with 19 digits (running for 30 years) keeps 18. */
  private static final int MAX_DIGITS = 18;

  private final byte[] bytes;
  private final int stampAt;
  private final int digits;
  private final long modulus;

  private LoopbackLine(byte[] bytes, int stampAt, int digits) {
    this.bytes = bytes;
    this.stampAt = stampAt;
    this.digits = digits;
    this.modulus = (long) Math.pow(10, digits);
  }

  /** The line for a fan-out text of {@code size} bytes ({@code bench --size}). */
  static LoopbackLine forTextSize(int size) {
    int digits = Math.min(MAX_DIGITS, Long.toString(System.nanoTime()).length());
    // Any number of that width holds the place; every broadcast stamps its own.
    long placeholder = (long) Math.pow(10, digits - 1);
    String text = FanoutLoad.text(placeholder, FanoutLoad.padding(size));
    byte[] json = FrameCodec.instance().encode(new Message(SEQ, System.currentTimeMillis(), SENDER, SENDER_ID, text));
    // One line per frame, as every link writes it (WirePipeline.encodeLine).
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return new LoopbackLine(line, indexOf(line, MARK) + MARK.length, digits);
  }

  /** Bytes per line, newline included. */
  int length() {
    return bytes.length;
  }

  /** A copy of the line for one writer to stamp and write: direct, so a write needs no copy into native memory. */
  ByteBuffer copy() {
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }

  /** Stamps {@code nanos} into {@code copy} (one of {@link #copy()}), leaving its position and limit alone. */
  void stamp(ByteBuffer copy, long nanos) {
    long value = Math.floorMod(nanos, modulus);
    for (int i = stampAt + digits - 1; i >= stampAt; i--) {
      copy.put(i, (byte) ('0' + value % 10));
      value /= 10;
    }
  }

  /** Nanoseconds from the stamp of the line {@code line[from, to)} to {@code now}. */
  long latencyNanos(byte[] line, int from, int to, long now) {
    long stamp = FanoutTextMark.PLAIN.sentNanos(line, from, to);
    if (stamp < 0) {
      throw new IllegalStateException("a line without a stamp: " + new String(line, from, to - from,
          StandardCharsets.UTF_8));
    }
    return Math.floorMod(now - stamp, modulus);
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new IllegalStateException("the message event has no benchmark text");
  }
}

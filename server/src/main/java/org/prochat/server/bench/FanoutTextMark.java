package org.prochat.server.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a benchmark message's text starts ({@code "text":"fb } and its send time), as it stands in a
 * plain {@code message} line or escaped inside a {@code chained} line's body. Found without parsing,
 * on the line's bytes in an array ({@link FanoutLineSplitter}), by skipping ahead (Horspool): the
 * byte under the mark's last position says how far the mark can move before it could match, mostly
 * its whole length. The generator must stay cheap to measure the coordinator.
 */
final class FanoutTextMark {
  static final FanoutTextMark PLAIN = new FanoutTextMark("\"text\":\"fb ");
  static final FanoutTextMark CHAINED = new FanoutTextMark("\\\"text\\\":\\\"fb ");

  private final byte[] mark;
  /** How far the mark may move on when the byte under its last position is the index. */
  private final int[] skip = new int[256];

  private FanoutTextMark(String mark) {
    this.mark = mark.getBytes(StandardCharsets.US_ASCII);
    int last = this.mark.length - 1;
    Arrays.fill(skip, this.mark.length);
    for (int i = 0; i < last; i++) {
      skip[this.mark[i] & 0xFF] = last - i;
    }
  }

  /** The send time ({@link System#nanoTime}) the message in {@code bytes[from, to)} carries, or -1 when it carries none. */
  long sentNanos(byte[] bytes, int from, int to) {
    int last = mark.length - 1;
    for (int end = from + last; end < to; end += skip[bytes[end] & 0xFF]) {
      if (matchesAt(bytes, end - last)) {
        return digitsFrom(bytes, end + 1, to);
      }
    }
    return -1;
  }

  /** True when the mark stands at {@code start}; compared from its end, where candidates differ. */
  private boolean matchesAt(byte[] bytes, int start) {
    for (int i = mark.length - 1; i >= 0; i--) {
      if (bytes[start + i] != mark[i]) {
        return false;
      }
    }
    return true;
  }

  private static long digitsFrom(byte[] bytes, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b < '0' || b > '9') {
        break;
      }
      value = value * 10 + (b - '0');
    }
    return value;
  }
}

package org.prochat.server.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Where a benchmark message's text starts ({@code "text":"fb } and its send time), as it stands in a
 * plain {@code message} line or escaped inside a {@code chained} line's body. Found without parsing:
 * a word-at-a-time search for the {@code f} of {@code fb}, then a check of the few bytes around each
 * candidate. Checking every byte of every line through {@code getByte} (and its liveness checks) was
 * most of the generator's time, and the generator must stay cheap to measure the coordinator.
 */
final class FanoutTextMark {
  static final FanoutTextMark PLAIN = new FanoutTextMark("\"text\":\"fb ");
  static final FanoutTextMark CHAINED = new FanoutTextMark("\\\"text\\\":\\\"fb ");

  private final byte[] mark;
  /** Where the {@code f} of {@code fb} stands in the mark. */
  private final int f;

  private FanoutTextMark(String mark) {
    this.mark = mark.getBytes(StandardCharsets.US_ASCII);
    this.f = this.mark.length - 3;
  }

  /** The send time ({@link System#nanoTime}) the message in {@code line} carries, or -1 when it carries none. */
  long sentNanos(ByteBuf line) {
    int end = line.writerIndex();
    for (int at = line.indexOf(line.readerIndex() + f, end, (byte) 'f'); at >= 0 && at + 3 <= end;
        at = line.indexOf(at + 1, end, (byte) 'f')) {
      if (matchesAt(line, at - f)) {
        return digitsFrom(line, at + 3, end);
      }
    }
    return -1;
  }

  /** True when the mark stands at {@code start}; compared from its end, where candidates differ. */
  private boolean matchesAt(ByteBuf line, int start) {
    for (int i = mark.length - 1; i >= 0; i--) {
      if (line.getByte(start + i) != mark[i]) {
        return false;
      }
    }
    return true;
  }

  private static long digitsFrom(ByteBuf line, int from, int end) {
    long value = 0;
    for (int i = from; i < end; i++) {
      byte b = line.getByte(i);
      if (b < '0' || b > '9') {
        break;
      }
      value = value * 10 + (b - '0');
    }
    return value;
  }
}

package org.prochat.server.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;

/** Lines as the fan-out generator writes and recognises them, without parsing what it receives. */
final class FanoutLines {
  private FanoutLines() {}

  /** {@code frame} as one line, newline included. */
  static ByteBuf encode(Frame frame) {
    byte[] json = FrameCodec.instance().encode(frame);
    return Unpooled.buffer(json.length + 1).writeBytes(json).writeByte('\n');
  }

  /** True when {@code line}'s readable bytes start with {@code prefix}. */
  static boolean startsWith(ByteBuf line, byte[] prefix) {
    if (line.readableBytes() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line.getByte(line.readerIndex() + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

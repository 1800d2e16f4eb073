package org.prochat.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;

/**
 * Writes a frame as one JSON line. Already encoded lines ({@link ByteBuf}s, as a broadcast is
 * encoded once and shared by every link) pass through untouched.
 */
@ChannelHandler.Sharable
final class FrameEncoder extends MessageToByteEncoder<Frame> {
  static final FrameEncoder INSTANCE = new FrameEncoder();

  private FrameEncoder() {
    super(Frame.class);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) {
    out.writeBytes(FrameCodec.instance().encode(frame));
    out.writeByte('\n');
  }
}

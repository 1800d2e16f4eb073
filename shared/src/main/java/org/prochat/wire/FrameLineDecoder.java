package org.prochat.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Violation;

/**
 * Turns each line into a {@link org.prochat.protocol.Frame}, or into a {@link Violation} when the line
 * is not a frame, so the next handler answers bad input with an error frame and the link goes on.
 * Over-long lines, which the line framer before it discards, become a violation too.
 */
final class FrameLineDecoder extends MessageToMessageDecoder<ByteBuf> {
  private final FrameCodec codec = FrameCodec.instance();

  FrameLineDecoder() {
    super(ByteBuf.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
    if (line.readableBytes() == 0) {
      return; // blank lines are keep-alives from people typing into nc
    }
    try {
      out.add(codec.decode(ByteBufUtil.getBytes(line)));
    } catch (FrameDecodingException e) {
      out.add(e.violation());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      ctx.fireChannelRead(new Violation(ErrorCode.LINE_TOO_LONG,
          "a line has at most " + ProtocolLimits.MAX_LINE_BYTES + " bytes; it was discarded"));
    } else {
      ctx.fireExceptionCaught(cause);
    }
  }
}

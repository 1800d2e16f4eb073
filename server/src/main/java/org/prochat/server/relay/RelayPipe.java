package org.prochat.server.relay;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;

/** Moving bytes between the two links of one relayed user, with back-pressure instead of buffering. */
final class RelayPipe {
  private RelayPipe() {}

  /**
   * Writes what {@code from} read to {@code to}, and lets {@code from} read more only once it is
   * written: a slow side slows the fast one down instead of piling up in memory.
   */
  static void forward(ChannelHandlerContext from, Channel to, Object msg) {
    to.writeAndFlush(msg).addListener((ChannelFutureListener) written -> {
      if (written.isSuccess()) {
        from.channel().read();
      } else {
        written.channel().close();
      }
    });
  }

  /** Closes {@code channel} once what is already written to it has gone out. */
  static void closeAfterFlush(Channel channel) {
    if (channel.isActive()) {
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }
}

package org.prochat.server.relay;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.buffer.Unpooled;

/**
 * The coordinator's side of one relayed user: bytes from the coordinator go to the user unchanged.
 * Reads from the coordinator pause while the user can't take more (back-pressure, not buffering).
 */
final class RelayBackendHandler extends ChannelInboundHandlerAdapter {
  private final Channel frontend;

  RelayBackendHandler(Channel frontend) {
    this.frontend = frontend;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    frontend.writeAndFlush(msg).addListener((ChannelFutureListener) written -> {
      if (written.isSuccess()) {
        ctx.channel().read();
      } else {
        written.channel().close();
      }
    });
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closeAfterFlush(frontend);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    closeAfterFlush(ctx.channel());
  }

  static void closeAfterFlush(Channel channel) {
    if (channel.isActive()) {
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }
}

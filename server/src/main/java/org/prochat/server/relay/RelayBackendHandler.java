package org.prochat.server.relay;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

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
    RelayPipe.forward(ctx, frontend, msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    RelayPipe.closeAfterFlush(frontend);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    RelayPipe.closeAfterFlush(ctx.channel());
  }
}

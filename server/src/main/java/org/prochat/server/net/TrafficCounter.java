package org.prochat.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.prochat.server.stats.ServerStats;

/** Counts the bytes every link reads and writes; sits first in the pipeline, where bytes are raw. */
@ChannelHandler.Sharable
final class TrafficCounter extends ChannelDuplexHandler {
  private final ServerStats stats;

  TrafficCounter(ServerStats stats) {
    this.stats = stats;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes) {
      stats.bytesIn(bytes.readableBytes());
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf bytes) {
      stats.bytesOut(bytes.readableBytes());
    }
    ctx.write(msg, promise);
  }
}

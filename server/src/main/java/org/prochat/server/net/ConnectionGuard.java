package org.prochat.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.server.ConnectionLimits;
import org.prochat.server.stats.ServerStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a new link, with an error frame, when its address already has too many open links or
 * opened too many lately. Shared by every link; synchronised because links may live on several loops.
 */
@ChannelHandler.Sharable
final class ConnectionGuard extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

  private final ConnectionLimits limits;
  private final ServerStats stats;
  private final Map<InetAddress, AddressRecord> records = new HashMap<>();

  ConnectionGuard(ConnectionLimits limits, ServerStats stats) {
    this.limits = limits;
    this.stats = stats;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    Channel channel = ctx.channel();
    InetAddress address = ((InetSocketAddress) channel.remoteAddress()).getAddress();
    if (address.isLoopbackAddress() && !limits.limitLoopback()) {
      ctx.fireChannelActive();
      return;
    }
    ErrorFrame refusal = admit(address, System.nanoTime());
    if (refusal == null) {
      channel.closeFuture().addListener(closed -> release(address));
      ctx.fireChannelActive();
    } else {
      stats.refusedConnection();
      log.warn("Refused a connection from {}: {}", address.getHostAddress(), refusal.message());
      // From the channel, not ctx: the frame must pass the encoder further down the pipeline.
      channel.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** Null when the link may stay, else the error to send before closing it. */
  private synchronized ErrorFrame admit(InetAddress address, long now) {
    AddressRecord record = records.computeIfAbsent(address, a -> new AddressRecord());
    long windowStart = now - limits.window().toNanos();
    while (!record.recentOpenings.isEmpty() && record.recentOpenings.peekFirst() - windowStart < 0) {
      record.recentOpenings.removeFirst();
    }
    if (record.open >= limits.concurrent()) {
      return ErrorFrame.fatal(ErrorCode.TOO_MANY_CONNECTIONS,
          "too many connections from your address (at most " + limits.concurrent() + " at once)");
    }
    if (record.recentOpenings.size() >= limits.perWindow()) {
      return ErrorFrame.fatal(ErrorCode.CONNECTION_RATE, "too many new connections from your address (at most "
          + limits.perWindow() + " per " + limits.window().toSeconds() + " s); wait a little");
    }
    record.open++;
    record.recentOpenings.addLast(now);
    return null;
  }

  private synchronized void release(InetAddress address) {
    AddressRecord record = records.get(address);
    record.open--;
    if (record.open == 0 && record.recentOpenings.isEmpty()) {
      records.remove(address);
    }
  }

  /** Open links and recent opening times (nanoTime) of one address. */
  private static final class AddressRecord {
    int open;
    final ArrayDeque<Long> recentOpenings = new ArrayDeque<>();
  }
}

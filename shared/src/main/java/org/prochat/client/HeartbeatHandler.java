package org.prochat.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.prochat.protocol.Ping;
import org.prochat.protocol.Pong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the link alive and measures it: pings at a fixed interval (the coordinator drops silent
 * links), takes the round-trip time from each pong, answers the coordinator's pings, and closes the
 * link when nothing at all has been heard for the silence limit — a peer that vanished without a
 * FIN would otherwise look connected forever.
 *
 * <p>Each ping names the session ({@code sid}; proxies require it) and reports the last measured
 * round trip, which the coordinator uses to compare proxies. Pongs go on to the next handler after
 * being measured (they also tell the room's latest event number); pongs for other sessions, which
 * a proxy relays, are passed on untouched. One instance per link.
 */
final class HeartbeatHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(HeartbeatHandler.class);

  private final long intervalNanos;
  private final long silenceLimitNanos;
  // The event loop's clock (a test clock under EmbeddedChannel); ping times are nanoseconds since
  // the origin, so they are monotonic and never negative on the wire.
  private Ticker clock;
  private long origin;
  private long lastHeard;
  private ScheduledFuture<?> ticker;
  private volatile Duration roundTrip;

  private final Supplier<String> sid;

  /** @param sid the session id to name in pings; null before the welcome */
  HeartbeatHandler(Duration interval, Duration silenceLimit, Supplier<String> sid) {
    this.intervalNanos = interval.toNanos();
    this.silenceLimitNanos = silenceLimit.toNanos();
    this.sid = sid;
  }

  /** The round-trip time of the latest answered ping, or null before the first pong. Any thread. */
  Duration roundTrip() {
    return roundTrip;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    // Added to a link that is already up (as a pipeline can be changed later), it starts right away.
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start(ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    stop();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    stop();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    long now = now();
    lastHeard = now;
    switch (msg) {
      case Pong pong when isMine(pong) -> {
        if (pong.t() >= 0 && pong.t() <= now) {
          roundTrip = Duration.ofNanos(now - pong.t());
        } else {
          log.debug("a pong for a ping this link never sent");
        }
        ctx.fireChannelRead(msg);
      }
      case Ping ping when ping.sid() == null -> ctx.writeAndFlush(new Pong(null, ping.t()));
      default -> ctx.fireChannelRead(msg);
    }
  }

  private void start(ChannelHandlerContext ctx) {
    if (ticker != null) {
      return;
    }
    clock = ctx.executor().ticker();
    origin = clock.nanoTime();
    lastHeard = now();
    ticker = ctx.executor().scheduleAtFixedRate(() -> tick(ctx), intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
  }

  private void stop() {
    if (ticker != null) {
      ticker.cancel(false);
    }
  }

  private void tick(ChannelHandlerContext ctx) {
    long now = now();
    if (now - lastHeard > silenceLimitNanos) {
      log.info("nothing heard from {} for {} ms; closing the link",
          ctx.channel().remoteAddress(), TimeUnit.NANOSECONDS.toMillis(now - lastHeard));
      ctx.close();
      return;
    }
    Duration measured = roundTrip;
    ctx.writeAndFlush(new Ping(sid.get(), now, measured == null ? null : measured.toNanos() / 1000));
  }

  private boolean isMine(Pong pong) {
    return pong.sid() == null || pong.sid().equals(sid.get());
  }

  private long now() {
    return clock.nanoTime() - origin;
  }
}

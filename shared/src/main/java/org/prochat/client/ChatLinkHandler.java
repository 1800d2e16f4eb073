package org.prochat.client;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a {@link ClientSession} to its Netty channel: opens the session when the socket is up,
 * hands it every decoded frame, tells it when the channel closes, and gives up on a coordinator that
 * does not welcome the client within the connect timeout.
 */
final class ChatLinkHandler extends SimpleChannelInboundHandler<Object> {
  private static final Logger log = LoggerFactory.getLogger(ChatLinkHandler.class);

  private final ClientSession session;
  private final Duration welcomeTimeout;

  ChatLinkHandler(ClientSession session, Duration welcomeTimeout) {
    this.session = session;
    this.welcomeTimeout = welcomeTimeout;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    // Counted from registration, so a connect that hangs is covered as well as a silent coordinator.
    ScheduledFuture<?> timeout = ctx.executor().schedule(() -> {
      session.abandon(new ChatLinkException(
          "no welcome from the coordinator within " + welcomeTimeout.toMillis() + " ms"));
      ctx.close();
    }, welcomeTimeout.toNanos(), TimeUnit.NANOSECONDS);
    session.welcomed().whenComplete((welcome, failure) -> timeout.cancel(false));
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    session.linkOpened(frame -> ctx.writeAndFlush(frame).addListener(ChannelFutureListener.CLOSE_ON_FAILURE));
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case Frame frame -> session.receive(frame);
      case Violation violation -> log.warn("the coordinator sent a bad line: {}", violation.message());
      default -> log.debug("ignored an unexpected {}", msg.getClass().getName());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    session.linkClosed();
    ctx.fireChannelInactive();
  }

  /** A network error is how links end; anything else is a bug (a listener's, say) worth a warning. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      log.debug("the link to {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    } else {
      log.warn("closing the link to {} after an unexpected error", ctx.channel().remoteAddress(), cause);
    }
    ctx.close();
  }
}

package org.prochat.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one of the client's links to its {@link LinkKeeper}: says when it is up, hands over every
 * decoded frame, says when it closes. A bootstrap link that gets no welcome within the connect
 * timeout is given up.
 */
final class ChatLinkHandler extends SimpleChannelInboundHandler<Object> {
  private static final Logger log = LoggerFactory.getLogger(ChatLinkHandler.class);

  private final LinkKeeper keeper;
  private final LinkKeeper.Role role;
  private final Duration welcomeTimeout;

  ChatLinkHandler(LinkKeeper keeper, LinkKeeper.Role role, Duration welcomeTimeout) {
    this.keeper = keeper;
    this.role = role;
    this.welcomeTimeout = welcomeTimeout;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (role != LinkKeeper.Role.BOOTSTRAP) {
      return;
    }
    // Counted from registration, so a connect that hangs is covered as well as a silent coordinator.
    ScheduledFuture<?> timeout = ctx.executor().schedule(() -> {
      if (keeper.awaitingWelcome(ctx.channel())) {
        keeper.welcomeTimedOut(ctx.channel(), welcomeTimeout);
        ctx.close();
      }
    }, welcomeTimeout.toNanos(), TimeUnit.NANOSECONDS);
    ctx.channel().closeFuture().addListener(closed -> timeout.cancel(false));
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    keeper.active(ctx.channel(), role);
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case Frame frame -> keeper.read(ctx.channel(), frame);
      case Violation violation -> log.warn("{} sent a bad line: {}", ctx.channel().remoteAddress(), violation.message());
      default -> log.debug("ignored an unexpected {}", msg.getClass().getName());
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
      keeper.tlsFailed(ctx.channel(), role, handshake.cause());
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    keeper.writabilityChanged(ctx.channel());
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    keeper.inactive(ctx.channel());
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("closing the link to {}", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}

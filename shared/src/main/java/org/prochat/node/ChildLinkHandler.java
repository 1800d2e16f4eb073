package org.prochat.node;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One link on the peer port: probes and a child's frames go to the router; bad lines get an error. */
final class ChildLinkHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ChildLinkHandler.class);

  private final NodeRouter router;
  private ChildLink child;

  ChildLinkHandler(NodeRouter router) {
    this.router = router;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    child = new ChildLink(ctx.channel());
    router.childOpened(child);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case Frame frame -> router.fromChild(child, frame);
      case Violation violation -> ctx.writeAndFlush(violation.toFrame(child.ownerSid(), null));
      default -> log.debug("ignored an unexpected {}", msg.getClass().getName());
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      log.info("Dropping child {}: silent for too long", ctx.channel().remoteAddress());
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (child != null) {
      router.childClosed(child);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("child link {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}

package org.prochat.server.net;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Identify;
import org.prochat.protocol.Ping;
import org.prochat.protocol.Pong;
import org.prochat.protocol.Violation;
import org.prochat.server.room.Link;
import org.prochat.server.room.Room;
import org.prochat.server.room.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link into the coordinator: waits for the hello, then hands each frame to the room. Bad lines
 * get an error and the link goes on, unless it sends nothing but bad lines. Runs on the room's loop.
 */
final class ClientLinkHandler extends ChannelInboundHandlerAdapter {
  /** Bad lines in a row after which a link is considered hostile or broken and closed. */
  static final int MAX_BAD_LINES_IN_A_ROW = 20;
  private static final Logger log = LoggerFactory.getLogger(ClientLinkHandler.class);

  private final Room room;
  private Link link;
  private int badLinesInARow;

  ClientLinkHandler(Room room) {
    this.room = room;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    link = new Link(ctx.channel(), ctx.pipeline().context(ChatChannelInitializer.LINES_ENTRY));
    room.opened(link);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Violation violation) {
      badLine(ctx, violation);
      return;
    }
    badLinesInARow = 0;
    Frame frame = (Frame) msg;
    if (link.owner() != null && frame instanceof Hello) {
      ctx.writeAndFlush(new ErrorFrame(ownerSid(), ErrorCode.UNEXPECTED_FRAME, "already said hello", null, false));
    } else if (link.owner() != null) {
      room.receive(link, frame);
    } else {
      switch (frame) {
        case Hello hello -> room.hello(link, hello);
        case Identify identify -> ctx.writeAndFlush(room.identity());
        case Ping ping -> ctx.writeAndFlush(new Pong(null, ping.t()));
        default -> ctx.writeAndFlush(ErrorFrame.fatal(ErrorCode.HELLO_REQUIRED, "the first frame must be a hello"))
            .addListener(ChannelFutureListener.CLOSE);
      }
    }
  }

  private void badLine(ChannelHandlerContext ctx, Violation violation) {
    if (++badLinesInARow < MAX_BAD_LINES_IN_A_ROW) {
      ctx.writeAndFlush(violation.toFrame(ownerSid(), null));
      return;
    }
    room.refuseLink(link, new ErrorFrame(ownerSid(), violation.code(),
        violation.message() + " (" + MAX_BAD_LINES_IN_A_ROW + " bad lines in a row: closing)", null, true));
  }

  private String ownerSid() {
    Session owner = link.owner();
    return owner == null || !owner.present() ? null : owner.id();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      room.linkTimedOut(link);
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (link != null) {
      room.linkClosed(link);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("Link {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}

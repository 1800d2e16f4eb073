package org.prochat.server.net;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.prochat.protocol.Bye;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Ping;
import org.prochat.protocol.Pong;
import org.prochat.protocol.Replay;
import org.prochat.protocol.Say;
import org.prochat.protocol.Violation;
import org.prochat.protocol.Whisper;
import org.prochat.server.room.Room;
import org.prochat.server.room.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client link: waits for the hello, then hands each frame to the room. Bad lines get an error
 * and the link goes on, unless a client sends nothing but bad lines. Runs on the room's loop.
 */
final class ClientLinkHandler extends ChannelInboundHandlerAdapter {
  /** Bad lines in a row after which a link is considered hostile or broken and closed. */
  static final int MAX_BAD_LINES_IN_A_ROW = 20;
  private static final Logger log = LoggerFactory.getLogger(ClientLinkHandler.class);

  private final Room room;
  private Session session;
  private int badLinesInARow;

  ClientLinkHandler(Room room) {
    this.room = room;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Violation violation) {
      badLine(ctx, violation);
      return;
    }
    badLinesInARow = 0;
    Frame frame = (Frame) msg;
    if (session == null) {
      beforeJoining(ctx, frame);
    } else if (frame.sid() != null && !frame.sid().equals(session.id())) {
      log.warn("{} ({}) sent a frame for session {}, which is not theirs", session.nick(),
          ctx.channel().remoteAddress(), frame.sid());
      room.refuse(session, new ErrorFrame(session.id(), ErrorCode.FOREIGN_SESSION,
          "session " + frame.sid() + " does not belong to this link", null, false));
    } else {
      inRoom(ctx, frame);
    }
  }

  private void beforeJoining(ChannelHandlerContext ctx, Frame frame) {
    switch (frame) {
      case Hello hello -> session = room.join(ctx.channel(), hello).orElse(null);
      case Ping ping -> ctx.writeAndFlush(new Pong(null, ping.t()));
      default -> ctx.writeAndFlush(ErrorFrame.fatal(ErrorCode.HELLO_REQUIRED,
          "the first frame must be a hello")).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private void inRoom(ChannelHandlerContext ctx, Frame frame) {
    switch (frame) {
      case Say say -> room.say(session, say);
      case Whisper whisper -> room.whisper(session, whisper);
      case Replay replay -> room.replay(session, replay.after());
      case Ping ping -> ctx.writeAndFlush(new Pong(session.id(), ping.t()));
      case Bye bye -> room.leave(session, bye.reason());
      default -> room.refuse(session, new ErrorFrame(session.id(), ErrorCode.UNEXPECTED_FRAME,
          "a client does not send '" + typeName(frame) + "' frames", null, false));
    }
  }

  private void badLine(ChannelHandlerContext ctx, Violation violation) {
    if (++badLinesInARow < MAX_BAD_LINES_IN_A_ROW) {
      ctx.writeAndFlush(violation.toFrame(session == null ? null : session.id(), null));
      return;
    }
    ErrorFrame last = ErrorFrame.fatal(violation.code(),
        violation.message() + " (" + MAX_BAD_LINES_IN_A_ROW + " bad lines in a row: closing)");
    if (session == null) {
      ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
    } else {
      room.refuse(session, last);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      ErrorFrame timeout = ErrorFrame.fatal(ErrorCode.TIMEOUT, "nothing heard from you for too long");
      if (session == null) {
        ctx.writeAndFlush(timeout).addListener(ChannelFutureListener.CLOSE);
      } else {
        room.refuse(session, new ErrorFrame(session.id(), ErrorCode.TIMEOUT, "timed out", null, true));
      }
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (session != null) {
      room.leave(session, "connection lost");
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("Link {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  private static String typeName(Frame frame) {
    return frame.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}

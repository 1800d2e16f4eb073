package org.prochat.server.relay;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import org.prochat.wire.HalfClose;

/** Moving bytes between the two links of one relayed user, with back-pressure instead of buffering. */
final class RelayPipe {
  /**
   * How long a link whose stream the relay has ended stays open for the other side to close it. The
   * coordinator closes as soon as it has read a goodbye; one that has not within this long is stuck
   * or was never told, and the relay does not hold the link open for it for ever.
   */
  static final Duration END_TIMEOUT = Duration.ofSeconds(5);

  private RelayPipe() {}

  /**
   * Writes what {@code from} read to {@code to}, and lets {@code from} read more only once it is
   * written: a slow side slows the fast one down instead of piling up in memory. When {@code to} is
   * gone, {@code from} still reads on (what it reads goes nowhere) so that it ends in its own close
   * or ours, not in a reset from bytes left unread.
   */
  static void forward(ChannelHandlerContext from, Channel to, Object msg) {
    to.writeAndFlush(msg).addListener((ChannelFutureListener) written -> {
      if (!written.isSuccess()) {
        written.channel().close();
      }
      from.channel().read();
    });
  }

  /** Closes {@code channel} once what is already written to it has gone out. */
  static void closeAfterFlush(Channel channel) {
    if (channel.isActive()) {
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * Passes the end of one side's stream on to {@code channel}: shuts its output once what is already
   * written to it has gone out, and keeps it open for reading until its other end closes it, or for
   * at most {@link #END_TIMEOUT}.
   */
  static void endAfterFlush(Channel channel) {
    HalfClose.afterWrites(channel, END_TIMEOUT);
  }
}

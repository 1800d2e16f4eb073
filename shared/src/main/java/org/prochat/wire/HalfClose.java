package org.prochat.wire;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DuplexChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ending a link's stream without closing the link. A socket closed with the other side's bytes
 * unread, or still on their way, answers them with a reset, and a reset can make the other side
 * lose what it had received but not yet read (a goodbye, say); a side that only shuts its output
 * and reads on until the other closes ends the link with nothing lost.
 */
public final class HalfClose {
  private HalfClose() {}

  /**
   * As {@link #afterWrites(Channel)}, and closes {@code link} after {@code patience} if the other side
   * has not closed it by then: a side that never does is stuck or was never told.
   */
  public static void afterWrites(Channel link, Duration patience) {
    afterWrites(link);
    link.eventLoop().schedule(() -> {
      link.close(); // nothing if the other side closed it in time
    }, patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Shuts this side of {@code link} once what was written on it is flushed (an empty write completes
   * after everything before it), leaving it open for reading; closes it when that can't be done.
   */
  public static void afterWrites(Channel link) {
    link.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFuture written) -> {
      if (written.isSuccess() && link instanceof DuplexChannel duplex) {
        duplex.shutdownOutput();
      } else {
        link.close();
      }
    });
  }
}

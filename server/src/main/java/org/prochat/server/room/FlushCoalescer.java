package org.prochat.server.room;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Flushes each written-to link once per turn of the event loop instead of once per frame: a burst
 * of messages read in one go then reaches each client in one write. Room loop only.
 */
final class FlushCoalescer {
  private final EventLoop loop;
  private final Set<Channel> dirty = new LinkedHashSet<>();
  private boolean scheduled;

  FlushCoalescer(EventLoop loop) {
    this.loop = loop;
  }

  void markWritten(Channel channel) {
    dirty.add(channel);
    if (!scheduled) {
      scheduled = true;
      loop.execute(this::flushAll);
    }
  }

  private void flushAll() {
    scheduled = false;
    for (Channel channel : dirty) {
      channel.flush();
    }
    dirty.clear();
  }
}

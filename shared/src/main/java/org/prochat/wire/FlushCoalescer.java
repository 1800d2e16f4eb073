package org.prochat.wire;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Flushes each written-to link once per turn of the event loop instead of once per frame: a burst
 * of messages read in one go then reaches each peer in one write. Confined to {@code loop}.
 */
public final class FlushCoalescer {
  private final EventLoop loop;
  private final Set<Channel> dirty = new LinkedHashSet<>();
  private boolean scheduled;

  public FlushCoalescer(EventLoop loop) {
    this.loop = loop;
  }

  /** {@code channel} was written to and needs a flush before this turn of the loop ends. */
  public void markWritten(Channel channel) {
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

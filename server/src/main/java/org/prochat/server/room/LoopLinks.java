package org.prochat.server.room;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The carrying links that live on one event loop, and how gathered events reach them: written
 * right away when that loop is the room's, else handed to that loop in one task which writes every
 * one of its links. The room then spends one hand-over per loop on a broadcast, not one write per
 * link, and the writes, a few microseconds of kernel time each, run on every link loop at once.
 * Changed on the room loop only; a task gets the channels as they were when it was handed over.
 */
final class LoopLinks {
  private static final Channel[] NONE = new Channel[0];

  private final EventLoop loop;
  private final boolean roomsOwn;
  private final Set<Link> links = new LinkedHashSet<>();
  /** The channels of links that get each form, made again after a change; never changed once made. */
  private Channel[] plainChannels = NONE;
  private Channel[] chainedChannels = NONE;
  private boolean changed;

  /** @param roomLoop the room's loop, which writes its own links itself */
  LoopLinks(EventLoop loop, EventLoop roomLoop) {
    this.loop = loop;
    this.roomsOwn = loop == roomLoop;
  }

  void add(Link link) {
    links.add(link);
    changed = true;
  }

  void remove(Link link) {
    links.remove(link);
    changed = true;
  }

  int size() {
    return links.size();
  }

  /** Writes {@code gathered} to every link here, each in its form, and flushes it. */
  void write(BroadcastSegment.Gathered gathered) {
    if (links.isEmpty()) {
      return;
    }
    if (changed) {
      plainChannels = channels(false);
      chainedChannels = channels(true);
      changed = false;
    }
    Channel[] plain = plainChannels;
    Channel[] chained = chainedChannels;
    if (roomsOwn) {
      write(plain, gathered.plain());
      write(chained, gathered.chained());
      return;
    }
    BroadcastSegment.Gathered held = gathered.retain();
    loop.execute(() -> {
      try {
        write(plain, held.plain());
        write(chained, held.chained());
      } finally {
        held.release();
      }
    });
  }

  private Channel[] channels(boolean verifying) {
    return links.stream().filter(link -> link.verifying() == verifying).map(Link::channel).toArray(Channel[]::new);
  }

  /**
   * Each link is flushed right away, in the same pass: a second pass over hundreds of links to
   * flush them would find their state gone cold again.
   */
  private static void write(Channel[] channels, ByteBuf lines) {
    if (lines == null) {
      return;
    }
    for (Channel channel : channels) {
      if (!RouteTable.tooFarBehind(channel)) {
        channel.write(lines.retainedDuplicate(), channel.voidPromise());
        channel.flush();
      }
    }
  }
}

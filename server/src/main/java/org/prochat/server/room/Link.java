package org.prochat.server.room;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundInvoker;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One TCP link into the coordinator. It belongs to the session that said hello on it (its owner)
 * and carries every session routed through it: the owner, and, when the owner is a proxy, everyone
 * below it. Room loop only.
 */
public final class Link {
  private final Channel channel;
  private final ChannelOutboundInvoker linesEntry;
  private final Set<Session> routed = new LinkedHashSet<>();
  private Session owner;
  /** Whether the owner verifies the chain, as it was when this link began to carry anyone. */
  private boolean verifying;

  /** A link whose encoded lines go down its whole pipeline, as frames do. */
  public Link(Channel channel) {
    this(channel, channel);
  }

  /**
   * @param linesEntry where lines that are already encoded enter the pipeline: below the handlers
   *     that only deal in frames, so that a broadcast, written to hundreds of links a turn, does
   *     not walk past each of them on each link
   */
  public Link(Channel channel, ChannelOutboundInvoker linesEntry) {
    this.channel = channel;
    this.linesEntry = linesEntry;
  }

  Channel channel() {
    return channel;
  }

  /** Writes encoded lines (after whatever was written before them, frames included) and flushes. */
  void writeLines(ByteBuf lines) {
    linesEntry.write(lines, channel.voidPromise());
    linesEntry.flush();
  }

  /** The session that said hello on this link, or null before that. */
  public Session owner() {
    return owner;
  }

  void owner(Session session) {
    this.owner = session;
  }

  boolean verifying() {
    return verifying;
  }

  void verifying(boolean verifies) {
    this.verifying = verifies;
  }

  Set<Session> routed() {
    return routed;
  }
}

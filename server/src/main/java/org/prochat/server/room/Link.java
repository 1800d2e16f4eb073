package org.prochat.server.room;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundInvoker;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP link into the coordinator. It belongs to the session that said hello on it (its owner)
 * and carries every session routed through it: the owner, and, when the owner is a proxy, everyone
 * below it. Room loop only.
 */
public final class Link {
  /**
   * Unsent bytes a link may pile up before it is cut: a client that stopped reading must not make
   * the coordinator hold the room's traffic for it. About 50,000 average messages; the user
   * resumes and catches up from history.
   */
  static final long MAX_BACKLOG_BYTES = 8L * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(Link.class);

  private final Channel channel;
  private final ChannelOutboundInvoker linesEntry;
  private final Set<Session> routed = new LinkedHashSet<>();
  private Session owner;
  /** Whether the owner verifies the chain, as it was when this link began to carry anyone. */
  private boolean verifying;
  /** The last broadcast segment this link was given (or began to carry after); see {@link BroadcastPass}. */
  private long segmentsGiven;

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

  /** Writes encoded lines, after whatever was written before them, frames included. */
  void writeLines(ByteBuf lines) {
    linesEntry.write(lines, channel.voidPromise());
  }

  /** Sends what was written; several writes before one flush go out in one system call. */
  void flushLines() {
    linesEntry.flush();
  }

  /** True (and the link is being closed) when it has more unsent bytes than {@link #MAX_BACKLOG_BYTES}. */
  boolean cutIfTooFarBehind() {
    // isWritable is one volatile read; the backlog only needs adding up once the link is behind.
    if (channel.isWritable() || channel.bytesBeforeWritable() <= MAX_BACKLOG_BYTES) {
      return false;
    }
    if (channel.isOpen()) {
      log.warn("Cutting {}: more than {} MiB unsent, it stopped reading", channel.remoteAddress(),
          MAX_BACKLOG_BYTES / (1024 * 1024));
      channel.close();
    }
    return true;
  }

  long segmentsGiven() {
    return segmentsGiven;
  }

  void segmentsGiven(long seq) {
    this.segmentsGiven = seq;
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

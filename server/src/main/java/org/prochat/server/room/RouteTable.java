package org.prochat.server.room;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.prochat.protocol.Frame;
import org.prochat.server.stats.ServerStats;
import org.prochat.wire.FlushCoalescer;
import org.prochat.wire.WirePipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which link reaches which session, and the writes that follow from it. A broadcast goes once down
 * every link that carries anyone (the coordinator's direct children), not once per user: proxies
 * fan it out below. Room loop only.
 */
final class RouteTable {
  /**
   * Unsent bytes a link may pile up before it is cut: a client that stopped reading must not make
   * the coordinator hold the room's traffic for it. About 50,000 average messages; the user
   * resumes and catches up from history.
   */
  static final long MAX_BACKLOG_BYTES = 8L * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(RouteTable.class);

  private final Set<Link> carrying = new LinkedHashSet<>();
  private final FlushCoalescer flusher;
  private final ServerStats stats;

  RouteTable(EventLoop loop, ServerStats stats) {
    this.flusher = new FlushCoalescer(loop);
    this.stats = stats;
  }

  /** Reaches {@code session} through {@code link} from now on; null means it can't be reached. */
  void route(Session session, Link link) {
    Link old = session.route();
    if (old == link) {
      return;
    }
    if (old != null) {
      old.routed().remove(session);
      if (old.routed().isEmpty()) {
        carrying.remove(old);
      }
    }
    session.route(link);
    if (link != null) {
      link.routed().add(session);
      carrying.add(link);
    }
  }

  /**
   * Sends a frame to one session, by its route, sealed when the session has a key; dropped when it
   * has no route (it will resume and catch up).
   */
  void send(Session session, Frame frame) {
    Link route = session.route();
    if (route != null && session.present()) {
      send(route, sealedFor(session, frame));
    }
  }

  /** Sends a ready-made line to one plain session, by its route; released when it can't go. */
  void sendLine(Session session, ByteBuf line) {
    Link route = session.route();
    if (route != null && session.present() && !tooFarBehind(route)) {
      route.channel().write(line);
      flusher.markWritten(route.channel());
    } else {
      line.release();
    }
  }

  /** {@code frame} as {@code session} must get it: sealed when it has a key. */
  static Frame sealedFor(Session session, Frame frame) {
    return session.seal() == null ? frame : session.seal().seal(session.id(), frame);
  }

  /** Sends a frame down one link, whoever it is for. */
  void send(Link link, Frame frame) {
    if (!tooFarBehind(link)) {
      link.channel().write(frame);
      flusher.markWritten(link.channel());
    }
  }

  /**
   * Sends a room event to everyone: encoded once per form, written once per carrying link. A link
   * whose owner verifies gets the event chained; one whose owner seals nothing (typed by hand;
   * never a proxy) gets it {@code plain}. The chained form is made only when some link needs it.
   *
   * @return true when the event went out chained (so a checkpoint must follow)
   */
  boolean broadcast(Frame plain, Supplier<Frame> chained) {
    ByteBuf plainLine = null;
    ByteBuf chainedLine = null;
    long bytes = 0;
    for (Link link : carrying) {
      if (tooFarBehind(link)) {
        continue;
      }
      ByteBuf line;
      if (verifies(link)) {
        line = chainedLine != null ? chainedLine : (chainedLine = encode(chained.get()));
      } else {
        line = plainLine != null ? plainLine : (plainLine = encode(plain));
      }
      link.channel().write(line.retainedDuplicate());
      flusher.markWritten(link.channel());
      bytes += line.readableBytes();
    }
    boolean wentChained = chainedLine != null;
    release(plainLine);
    release(chainedLine);
    if (bytes > 0) {
      stats.broadcast(bytes);
    }
    return wentChained;
  }

  /** Sends a frame to every carrying link whose owner verifies (a checkpoint). */
  void broadcastToVerifiers(Frame frame) {
    ByteBuf line = null;
    for (Link link : carrying) {
      if (verifies(link) && !tooFarBehind(link)) {
        if (line == null) {
          line = encode(frame);
        }
        link.channel().write(line.retainedDuplicate());
        flusher.markWritten(link.channel());
      }
    }
    release(line);
  }

  private static boolean verifies(Link link) {
    return link.owner() != null && link.owner().seal() != null;
  }

  private static ByteBuf encode(Frame frame) {
    return WirePipeline.encodeLine(PooledByteBufAllocator.DEFAULT, frame);
  }

  private static void release(ByteBuf line) {
    if (line != null) {
      line.release();
    }
  }

  /** True (and the link is being closed) when it has more unsent bytes than {@link #MAX_BACKLOG_BYTES}. */
  private static boolean tooFarBehind(Link link) {
    Channel channel = link.channel();
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

  /** Links that carry at least one session: the coordinator's direct children. */
  List<Link> carryingLinks() {
    return List.copyOf(carrying);
  }
}

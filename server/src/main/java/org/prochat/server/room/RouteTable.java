package org.prochat.server.room;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.prochat.protocol.Frame;
import org.prochat.server.stats.ServerStats;
import org.prochat.wire.FlushCoalescer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which link reaches which session, and the writes that follow from it. A broadcast goes once down
 * every link that carries anyone (the coordinator's direct children), not once per user: proxies
 * fan it out below. The events of one turn of the loop are gathered and each link gets them in one
 * write ({@link BroadcastSegment}); anything else written to a link, and any change of who carries
 * whom, first writes out what was gathered, so every link sees frames in the order the room sent
 * them. Room loop only.
 */
final class RouteTable {
  /**
   * Unsent bytes a link may pile up before it is cut: a client that stopped reading must not make
   * the coordinator hold the room's traffic for it. About 50,000 average messages; the user
   * resumes and catches up from history.
   */
  static final long MAX_BACKLOG_BYTES = 8L * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(RouteTable.class);

  /**
   * A list, not a set: every broadcast walks it, and an array of references is the cheapest walk;
   * a link is added only when it starts to carry someone and removed when it stops, so it is never
   * in twice.
   */
  private final List<Link> carrying = new ArrayList<>();
  private final EventLoop loop;
  private final FlushCoalescer flusher;
  private final ServerStats stats;
  private final BroadcastSegment segment = new BroadcastSegment(PooledByteBufAllocator.DEFAULT);
  /** Carrying links whose owner verifies the chain, and the others. */
  private int verifyingLinks;
  private int plainLinks;

  RouteTable(EventLoop loop, ServerStats stats) {
    this.loop = loop;
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
        // It leaves with the events gathered while it carried someone, and gets none after.
        writeSegment();
        carrying.remove(old);
        count(old, -1);
      }
    }
    session.route(link);
    if (link != null) {
      if (link.routed().isEmpty()) {
        writeSegment();
        link.verifying(verifies(link));
        carrying.add(link);
        count(link, +1);
      }
      link.routed().add(session);
    }
  }

  private void count(Link link, int delta) {
    if (link.verifying()) {
      verifyingLinks += delta;
    } else {
      plainLinks += delta;
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

  /**
   * Sends a ready-made line to one plain session, by its route, after the events gathered so far;
   * released when it can't go.
   */
  void sendLine(Session session, ByteBuf line) {
    Link route = session.route();
    if (route != null && session.present() && !tooFarBehind(route)) {
      writeSegment();
      route.channel().write(line, route.channel().voidPromise());
      flusher.markWritten(route.channel());
    } else {
      line.release();
    }
  }

  /** {@code frame} as {@code session} must get it: sealed when it has a key. */
  static Frame sealedFor(Session session, Frame frame) {
    return session.seal() == null ? frame : session.seal().seal(session.id(), frame);
  }

  /** Sends a frame down one link, whoever it is for, after the events gathered so far. */
  void send(Link link, Frame frame) {
    writeSegment();
    if (!tooFarBehind(link)) {
      link.channel().write(frame, link.channel().voidPromise());
      flusher.markWritten(link.channel());
    }
  }

  /**
   * Sends a room event to everyone: encoded once per form, written with the other events of this
   * turn once per carrying link. A link whose owner verifies gets the event chained; one whose
   * owner seals nothing (typed by hand; never a proxy) gets it {@code plain}. The chained form is
   * made only when some link needs it.
   *
   * @return true when the event went out chained (so a checkpoint must follow)
   */
  boolean broadcast(Frame plain, Supplier<Frame> chained) {
    if (carrying.isEmpty()) {
      return false;
    }
    startSegment();
    long bytes = 0;
    if (plainLinks > 0) {
      bytes += (long) segment.addPlain(plain) * plainLinks;
    }
    if (verifyingLinks > 0) {
      bytes += (long) segment.addChained(chained.get()) * verifyingLinks;
    }
    stats.broadcast(bytes);
    return verifyingLinks > 0;
  }

  /** Sends a frame to every carrying link whose owner verifies (a checkpoint). */
  void broadcastToVerifiers(Frame frame) {
    if (verifyingLinks > 0) {
      startSegment();
      segment.addChained(frame);
    }
  }

  /** The first event of a segment: its links are written at the end of this turn, if nothing writes them sooner. */
  private void startSegment() {
    if (segment.isEmpty()) {
      loop.execute(this::writeSegment);
    }
  }

  /**
   * Writes the gathered events to every carrying link, each its form, and starts a new segment.
   * Each link is flushed right away, in the same pass: a second pass over hundreds of links to
   * flush them would find their state gone cold again.
   */
  private void writeSegment() {
    if (segment.isEmpty()) {
      return;
    }
    BroadcastSegment.Gathered gathered = segment.take();
    for (Link link : carrying) {
      if (tooFarBehind(link)) {
        continue;
      }
      ByteBuf lines = gathered.forLink(link.verifying());
      if (lines != null) {
        link.writeLines(lines);
      }
    }
    gathered.release();
  }

  private static boolean verifies(Link link) {
    return link.owner() != null && link.owner().seal() != null;
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

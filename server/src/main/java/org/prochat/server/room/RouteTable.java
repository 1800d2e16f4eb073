package org.prochat.server.room;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.function.Supplier;
import org.prochat.protocol.Frame;
import org.prochat.server.stats.ServerStats;
import org.prochat.wire.FlushCoalescer;

/**
 * Which link reaches which session, and the writes that follow from it. A broadcast goes once down
 * every link that carries anyone (the coordinator's direct children), not once per user: proxies
 * fan it out below. Broadcasts are gathered and written by {@link BroadcastPass}; anything else
 * written to a link, and any change of who carries whom, first gives that link the events gathered
 * before, so every link sees frames in the order the room sent them. Room loop only.
 */
final class RouteTable {
  private final FlushCoalescer flusher;
  private final ServerStats stats;
  private final BroadcastPass pass;

  RouteTable(EventLoop loop, ServerStats stats) {
    this.flusher = new FlushCoalescer(loop);
    this.stats = stats;
    this.pass = new BroadcastPass(loop);
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
        pass.remove(old);
      }
    }
    session.route(link);
    if (link != null) {
      if (link.routed().isEmpty()) {
        pass.add(link, verifies(link));
      }
      link.routed().add(session);
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
    if (route != null && session.present()) {
      writeOutTo(route);
      if (!route.cutIfTooFarBehind()) {
        route.channel().write(line, route.channel().voidPromise());
        flusher.markWritten(route.channel());
        return;
      }
    }
    line.release();
  }

  /** {@code frame} as {@code session} must get it: sealed when it has a key. */
  static Frame sealedFor(Session session, Frame frame) {
    return session.seal() == null ? frame : session.seal().seal(session.id(), frame);
  }

  /** Sends a frame down one link, whoever it is for, after the events gathered so far. */
  void send(Link link, Frame frame) {
    writeOutTo(link);
    if (!link.cutIfTooFarBehind()) {
      link.channel().write(frame, link.channel().voidPromise());
      flusher.markWritten(link.channel());
    }
  }

  private void writeOutTo(Link link) {
    if (!link.routed().isEmpty()) {
      pass.writeOutTo(link);
    }
  }

  /**
   * Sends a room event to everyone: encoded once per form, written with the other events gathered
   * meanwhile once per carrying link. A link whose owner verifies gets the event chained; one whose
   * owner seals nothing (typed by hand; never a proxy) gets it {@code plain}. The chained form is
   * made only when some link needs it.
   *
   * @return true when the event went out chained (so a checkpoint must follow)
   */
  boolean broadcast(Frame plain, Supplier<Frame> chained) {
    if (pass.isEmpty()) {
      return false;
    }
    long bytes = 0;
    if (pass.plainLinks() > 0) {
      bytes += (long) pass.addPlain(plain) * pass.plainLinks();
    }
    if (pass.verifyingLinks() > 0) {
      bytes += (long) pass.addChained(chained.get()) * pass.verifyingLinks();
    }
    stats.broadcast(bytes);
    return pass.verifyingLinks() > 0;
  }

  /** Sends a frame to every carrying link whose owner verifies (a checkpoint). */
  void broadcastToVerifiers(Frame frame) {
    if (pass.verifyingLinks() > 0) {
      pass.addChained(frame);
    }
  }

  private static boolean verifies(Link link) {
    return link.owner() != null && link.owner().seal() != null;
  }

  /** Links that carry at least one session: the coordinator's direct children. */
  List<Link> carryingLinks() {
    return pass.links();
  }
}

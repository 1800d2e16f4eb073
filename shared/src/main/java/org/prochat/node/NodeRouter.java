package org.prochat.node;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prochat.protocol.Attach;
import org.prochat.protocol.Attached;
import org.prochat.protocol.Detached;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Pong;
import org.prochat.protocol.Probe;
import org.prochat.wire.FlushCoalescer;
import org.prochat.wire.WirePipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's routing: which child link carries which session, and what to do with each frame.
 *
 * <ul>
 *   <li>Down (from the uplink): a frame naming no session is for everyone — this node and every
 *       confirmed child; a frame naming this node's session is for it alone; a frame naming a
 *       session below goes down that session's branch only; anything else is dropped.</li>
 *   <li>Up (from a child): passed to the uplink unchanged, but only for sessions that child's branch
 *       carries; a child speaking for anyone else is refused and logged.</li>
 *   <li>While there is no uplink (the node itself is re-attaching), children are not read: what
 *       they send waits in their sockets instead of being lost or piling up here.</li>
 * </ul>
 *
 * <p>Node loop only: every method must be called on {@code loop}.
 */
final class NodeRouter {
  private static final Logger log = LoggerFactory.getLogger(NodeRouter.class);

  private final PeerNodeOptions options;
  private final FlushCoalescer flusher;
  private final Set<ChildLink> children = new LinkedHashSet<>();
  /** Sessions the coordinator confirmed below each child link: the only ones a child may speak for. */
  private final Map<String, ChildLink> routes = new HashMap<>();
  /** Attaches on their way up, by session: where the confirmation (or refusal) goes back down. */
  private final Map<String, ChildLink> pending = new HashMap<>();
  private String ownSid;
  private Channel uplink;

  NodeRouter(PeerNodeOptions options, EventLoop loop) {
    this.options = options;
    this.flusher = new FlushCoalescer(loop);
  }

  void ownSession(String sid) {
    this.ownSid = sid;
  }

  /** The link toward the coordinator is up (again): children are read from now on. */
  void uplinkUp(Channel channel) {
    this.uplink = channel;
    updateChildReading();
  }

  /** The link toward the coordinator is gone: children wait until {@link #uplinkUp}. */
  void uplinkDown() {
    this.uplink = null;
    updateChildReading();
  }

  /** Pauses reading children while the uplink can't take more, so a fast child can't swamp it. */
  void updateChildReading() {
    boolean read = uplink != null && uplink.isActive() && uplink.isWritable();
    for (ChildLink child : children) {
      child.channel().config().setAutoRead(read);
    }
  }

  /** Sessions reached through this node's children. */
  int sessionsBelow() {
    return (int) routes.values().stream().filter(ChildLink::confirmed).count();
  }

  int children() {
    return (int) children.stream().filter(ChildLink::confirmed).count();
  }

  /**
   * A frame from the uplink.
   *
   * @return true when this node's own session should see it too
   */
  boolean fromUplink(Frame frame) {
    if (frame instanceof Attached attached && !attached.sid().equals(ownSid)) {
      confirmAttach(attached);
      return false;
    }
    String sid = frame.sid();
    if (sid == null) {
      options.tap().down(frame).forEach(this::broadcast);
      return true;
    }
    if (sid.equals(ownSid)) {
      return true;
    }
    if (frame instanceof ErrorFrame error && error.code() == ErrorCode.ATTACH_REFUSED && pending.containsKey(sid)) {
      // The answer to an attach goes back the way the attach came, not to where the session really is.
      ChildLink claimant = pending.remove(sid);
      if (claimant.confirmed()) {
        send(claimant, error); // further down: the proxy there closes the claimant's link
      } else {
        refuse(claimant, error); // the coordinator did not expect that attach: the link is done
      }
      return false;
    }
    ChildLink child = routes.containsKey(sid) ? routes.get(sid) : pending.get(sid);
    if (child != null) {
      options.tap().down(frame).forEach(relayed -> send(child, relayed));
    }
    return false;
  }

  void childOpened(ChildLink child) {
    children.add(child);
    child.channel().config().setAutoRead(uplink != null);
  }

  /** A frame from a child. */
  void fromChild(ChildLink child, Frame frame) {
    if (frame instanceof Probe probe) {
      send(child, new Pong(null, probe.t()));
      return;
    }
    if (child.ownerSid() == null) {
      firstFromChild(child, frame);
      return;
    }
    if (!child.confirmed()) {
      // The child's heartbeat started before its attach was confirmed: nothing to pass on yet, and
      // until the coordinator confirms, the link speaks for nobody.
      log.debug("ignored a {} from {}: its attach is not confirmed yet", frame.getClass().getSimpleName(),
          child.channel().remoteAddress());
      return;
    }
    if (frame instanceof Attach attach) {
      attachFromBelow(child, attach);
      return;
    }
    if (frame.sid() == null || routes.get(frame.sid()) != child) {
      log.warn("Refused a frame from {}: it claims session {}, which that link does not carry",
          child.channel().remoteAddress(), frame.sid());
      send(child, new ErrorFrame(child.ownerSid(), ErrorCode.FOREIGN_SESSION,
          "frames through a proxy must name a session the link carries", null, false));
      return;
    }
    options.tap().up(frame).forEach(this::up);
  }

  private void firstFromChild(ChildLink child, Frame frame) {
    if (!(frame instanceof Attach attach)) {
      refuse(child, new ErrorFrame(null, ErrorCode.UNEXPECTED_FRAME,
          "a peer link starts with a probe or an attach", null, true));
    } else if (!options.acceptsChildren() || children() >= options.maxChildren() || uplink == null) {
      refuse(child, new ErrorFrame(attach.sid(), ErrorCode.NO_ROOM, "this peer takes no children now", null, true));
    } else if (attach.sid().equals(ownSid)) {
      log.warn("Refused an attach from {}: it claims this node's own session", child.channel().remoteAddress());
      refuse(child, new ErrorFrame(attach.sid(), ErrorCode.FOREIGN_SESSION, "that session is this proxy's own", null, true));
    } else {
      child.ownerSid(attach.sid());
      pending.put(attach.sid(), child);
      up(attach);
    }
  }

  /**
   * Someone further down attaches through this branch: pass it up. A route this node still has for
   * that session may be stale (it moved after a proxy below died), so the coordinator decides; the
   * old route keeps serving until its confirmation replaces it, and only confirmed routes may speak.
   */
  private void attachFromBelow(ChildLink child, Attach attach) {
    if (attach.sid().equals(ownSid)) {
      log.warn("Refused an attach coming up from {}: it claims this node's own session", child.channel().remoteAddress());
      // Addressed to the claimed session: the proxies below route it to whoever sent the attach.
      send(child, new ErrorFrame(attach.sid(), ErrorCode.ATTACH_REFUSED, "that session is this proxy's own", null, false));
      return;
    }
    pending.put(attach.sid(), child);
    up(attach);
  }

  /** The coordinator confirmed an attach that passed through here: route its whole subtree down that link. */
  private void confirmAttach(Attached attached) {
    // The first piece of a confirmation finds the attach's link among the pending; later pieces of a
    // big subtree find it among the routes the first one made.
    ChildLink child = pending.containsKey(attached.sid()) ? pending.remove(attached.sid()) : routes.get(attached.sid());
    if (child == null || !child.channel().isActive()) {
      return;
    }
    for (String sid : attached.subtree()) {
      routes.put(sid, child);
    }
    if (attached.sid().equals(child.ownerSid())) {
      child.confirm();
    }
    send(child, attached);
  }

  /** A child link closed: forget what it carried and tell the coordinator its session is cut off. */
  void childClosed(ChildLink child) {
    children.remove(child);
    routes.values().removeIf(link -> link == child);
    pending.values().removeIf(link -> link == child);
    if (child.ownerSid() != null && uplink != null) {
      up(new Detached(child.ownerSid()));
    }
  }

  /** Closes every child link: this node is leaving. */
  void dropChildren() {
    for (ChildLink child : List.copyOf(children)) {
      child.channel().close();
    }
  }

  private void broadcast(Frame frame) {
    List<ChildLink> targets = new ArrayList<>();
    for (ChildLink child : children) {
      if (child.confirmed()) {
        targets.add(child);
      }
    }
    if (targets.isEmpty()) {
      return;
    }
    ByteBuf line = WirePipeline.encodeLine(PooledByteBufAllocator.DEFAULT, frame);
    for (ChildLink child : targets) {
      if (tooFarBehind(child)) {
        continue;
      }
      child.channel().write(line.retainedDuplicate());
      flusher.markWritten(child.channel());
    }
    line.release();
  }

  private void send(ChildLink child, Object frame) {
    if (!tooFarBehind(child)) {
      child.channel().write(frame);
      flusher.markWritten(child.channel());
    }
  }

  /** A child that can't keep up is cut rather than buffered without end; it re-attaches and catches up. */
  private boolean tooFarBehind(ChildLink child) {
    if (child.channel().isWritable() || child.channel().bytesBeforeWritable() <= options.maxBacklogBytes()) {
      return false;
    }
    log.warn("Dropping child {}: it is more than {} bytes behind", child.channel().remoteAddress(),
        options.maxBacklogBytes());
    child.channel().close();
    return true;
  }

  private void up(Frame frame) {
    if (uplink != null) {
      uplink.write(frame);
      flusher.markWritten(uplink);
    }
  }

  private void refuse(ChildLink child, ErrorFrame fatal) {
    child.channel().writeAndFlush(fatal).addListener(ChannelFutureListener.CLOSE);
  }
}

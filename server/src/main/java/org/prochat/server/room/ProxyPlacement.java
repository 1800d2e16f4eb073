package org.prochat.server.room;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prochat.protocol.Assign;
import org.prochat.protocol.Attach;
import org.prochat.protocol.Attached;
import org.prochat.protocol.Candidates;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.ListChunks;
import org.prochat.protocol.PeerAddress;
import org.prochat.protocol.Pong;
import org.prochat.protocol.Report;
import org.prochat.protocol.Rtts;
import org.prochat.server.overlay.OverlayTree;
import org.prochat.server.overlay.ProxyChooser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds each session its place in the proxy tree: offers candidates, picks the proxy from the
 * measured round trips, and confirms the attach that comes up the chosen proxy's branch. A session
 * stays on its direct link until then, and for good when no proxy is eligible or reachable.
 * Room loop only.
 */
final class ProxyPlacement {
  /** Candidates offered to one newcomer: enough to find a near one, few enough to probe quickly. */
  static final int MAX_CANDIDATES = 8;
  /** Offers a session may miss (its proxy unreachable, or full by the time it answered) before it stays direct for good. */
  static final int MAX_ATTACH_TRIES = 3;
  /**
   * Events sent down the old way while a branch moves may be missing for this long after it moved
   * (the client's own allowance after it attaches, for everyone below it too).
   */
  static final Duration MOVE_SETTLING = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(ProxyPlacement.class);

  private final OverlayTree tree;
  private final ProxyChooser chooser;
  private final SessionRegistry sessions;
  private final RouteTable routes;
  private final Map<String, List<String>> offered = new HashMap<>();
  private boolean warnedOverRootSlots;

  ProxyPlacement(OverlayTree tree, ProxyChooser chooser, SessionRegistry sessions, RouteTable routes) {
    this.tree = tree;
    this.chooser = chooser;
    this.sessions = sessions;
    this.routes = routes;
  }

  OverlayTree tree() {
    return tree;
  }

  /** Sends {@code session} the proxies it could hang below, or tells it to stay direct. */
  void offer(Session session) {
    if (session.relayed() || session.seal() == null) {
      // A relayed user is reached through its relay only: LAN peers can't reach it, nor it them. A
      // session that seals nothing would hand its proxy everything it says and hears.
      stayDirect(session);
      return;
    }
    List<Session> eligible = tree.eligibleParents(session.id()).stream()
        .map(sessions::byId)
        .filter(c -> c != null && c.present() && c.route() != null && c.peerAddress() != null
            && !c.record().avoided())
        .sorted(Comparator.comparingInt((Session c) -> tree.depth(c.id())).thenComparingLong(Session::rttMicros))
        .toList();
    List<Session> candidates = unpromised(eligible);
    if (candidates.isEmpty()) {
      stayDirect(session);
      return;
    }
    offered.put(session.id(), candidates.stream().map(Session::id).toList());
    routes.send(session, new Candidates(session.id(), candidates.stream().map(Session::peerAddress).toList()));
  }

  /**
   * The first {@link #MAX_CANDIDATES} of {@code eligible} whose free places are not all promised to
   * newcomers still probing (each offer counts as one place at every proxy it lists); when every
   * place is promised, the first of them all. Newcomers arriving together would otherwise all be
   * offered the same few shallowest proxies: all but the first to answer find them full, probe a
   * fresh offer, and after {@link #MAX_ATTACH_TRIES} stay direct.
   */
  private List<Session> unpromised(List<Session> eligible) {
    Map<String, Integer> promised = new HashMap<>();
    offered.values().forEach(offer -> offer.forEach(sid -> promised.merge(sid, 1, Integer::sum)));
    List<Session> free = eligible.stream()
        .filter(c -> tree.limits().maxChildren() - tree.childrenOf(c.id()) > promised.getOrDefault(c.id(), 0))
        .limit(MAX_CANDIDATES)
        .toList();
    return free.isEmpty() ? eligible.stream().limit(MAX_CANDIDATES).toList() : free;
  }

  /** The newcomer measured its candidates: choose its proxy and tell it where to attach. */
  void measured(Session session, Rtts rtts) {
    List<String> offer = offered.remove(session.id());
    if (offer == null) {
      return; // an answer nobody asked for, or a second one
    }
    List<String> stillEligible = tree.eligibleParents(session.id());
    List<ProxyChooser.Measured<Session>> measured = new ArrayList<>();
    for (Rtts.Measured m : rtts.results()) {
      Session candidate = sessions.byId(m.peer());
      if (offer.contains(m.peer()) && stillEligible.contains(m.peer()) && candidate != null && candidate.present()) {
        measured.add(new ProxyChooser.Measured<>(candidate, m.micros(), candidate.rttMicros()));
      }
    }
    Session parent = chooser.choose(measured);
    if (parent == null && !rtts.results().isEmpty() && session.failedAttach() < MAX_ATTACH_TRIES) {
      // It reached proxies, but newcomers probing at the same moment filled them first: offer the
      // proxies with room now rather than keep it direct for good.
      offer(session);
      return;
    }
    if (parent == null) {
      stayDirect(session);
      return;
    }
    tree.reserve(parent.id());
    session.pendingParent(parent.id());
    routes.send(session, new Assign(session.id(), parent.peerAddress()));
  }

  /**
   * The newcomer could not attach where it was told (the proxy was unreachable, or moving at that
   * very moment): it is reached through its direct link again, with everything below it, and gets
   * a fresh offer, up to {@link #MAX_ATTACH_TRIES} tries.
   */
  void stay(Session session) {
    releasePending(session);
    tree.placeAtRoot(session.id());
    Link direct = session.bootstrap();
    if (direct != null) {
      tree.subtree(session.id()).stream().map(sessions::byId).filter(Objects::nonNull)
          .forEach(s -> routes.route(s, direct));
      if (session.failedAttach() < MAX_ATTACH_TRIES) {
        offer(session);
      } else {
        stayDirect(session); // and it is told so: a client waiting for its place must not wait forever
      }
    }
  }

  /** A session came back on a new direct link: it starts at the root, with its subtree, until placed anew. */
  void resumed(Session session) {
    releasePending(session);
    tree.placeAtRoot(session.id());
  }

  /**
   * Tells everyone below {@code session}, which resumed and kept its subtree, that their branch moved
   * (a {@link Pong#branchMoved} pong, sealed for each, by its new route): what was on its way to or
   * from them through the old route, a replay or an ack, may be lost with the proxy that died, and
   * they ask again at once instead of after their patience. Sent after the welcome, down the same link.
   */
  void tellBranchMoved(Session session, long lastSeq) {
    for (String sid : tree.subtree(session.id())) {
      Session below = sessions.byId(sid);
      if (below != null && below != session) {
        routes.send(below, Pong.branchMoved(below.id(), lastSeq));
      }
    }
  }

  /**
   * An attach came up {@code link}. Confirmed when it is the one the session was told to make and
   * came up its proxy's branch; then the session, with everything below it, is routed through
   * {@code link}.
   *
   * @return the sessions now routed through {@code link}, or an empty list when refused
   */
  List<Session> attach(Link link, Attach attach, long lastSeq) {
    Session session = sessions.byId(attach.sid());
    Session parent = session == null ? null : sessions.byId(session.pendingParent());
    if (session == null || !session.present() || parent == null || parent.route() != link || session.seal() == null
        || !session.seal().proves(Attach.statement(session.id(), parent.id()), attach.proof())) {
      log.warn("Refused an attach for {} coming from {}", attach.sid(), link.channel().remoteAddress());
      routes.send(link, new ErrorFrame(attach.sid(), ErrorCode.ATTACH_REFUSED,
          "this attach was not expected here", null, false));
      return List.of();
    }
    releasePending(session);
    session.attached(parent.id());
    tree.placeUnder(session.id(), parent.id());
    List<String> subtree = tree.subtree(session.id());
    List<Session> moved = subtree.stream().map(sessions::byId).filter(Objects::nonNull).toList();
    long now = System.nanoTime();
    moved.forEach(s -> {
      routes.route(s, link);
      s.moved(now);
    });
    List<List<String>> pieces = ListChunks.of(subtree);
    // Plain, as every proxy on the way routes by it; the first piece proves to the session itself
    // that the coordinator, not a proxy, confirmed it.
    String proof = session.seal().prove(Attached.statement(session.id(), parent.nick(), lastSeq));
    for (int i = 0; i < pieces.size(); i++) {
      routes.send(link, new Attached(session.id(), parent.nick(), pieces.get(i), lastSeq, i < pieces.size() - 1,
          i == 0 ? proof : null));
    }
    log.info("{} attached below {} (depth {}, {} moved along)", session.nick(), parent.nick(),
        tree.depth(session.id()), subtree.size() - 1);
    return moved;
  }

  /**
   * A session reports what its proxy did. Counted against the proxy it names when that one is its
   * parent now or was assigned to it last; anything else is a report nobody can check, and ignored.
   */
  void reported(Session reporter, Report report) {
    Session proxy = sessions.byId(report.proxy());
    boolean itsProxy = report.proxy().equals(tree.parent(reporter.id())) || report.proxy().equals(reporter.lastParent());
    if (proxy == null || !itsProxy) {
      log.info("Ignored a report by {} about {}, which was not its proxy", reporter.nick(), report.proxy());
      return;
    }
    if (report.kind() == Report.Kind.DROPPED && reporter.movedWithin(MOVE_SETTLING, System.nanoTime())) {
      // Its client excuses gaps after its own attach, but can't tell when a proxy above it moved.
      log.info("Ignored a report by {} about {}: its branch moved just now, and events sent the old way may"
          + " be missing", reporter.nick(), proxy.nick());
      return;
    }
    proxy.record().reported(reporter.id(), report.kind());
    log.warn("{} reports its proxy {}: {} ({} reports about it so far){}", reporter.nick(), proxy.nick(),
        report.kind(), proxy.record().reports(), proxy.record().avoided() ? "; no newcomer is placed below it any more" : "");
  }

  /** The session is gone for good. */
  void removed(Session session) {
    releasePending(session);
    offered.remove(session.id());
    tree.remove(session.id());
  }

  /**
   * Direct it is. When that exceeds the root slots it happens anyway — turning a person away is
   * worse than a wider fan-out — but the admin is told, as the limits or relaying need a look.
   */
  private void stayDirect(Session session) {
    tree.placeAtRoot(session.id());
    boolean over = tree.rootChildren() > tree.limits().rootSlots();
    if (over && !warnedOverRootSlots) {
      log.warn("{} stays direct beyond the {} root slots: no proxy can take it (too few users relay, or the"
          + " limits are tight); said once until there is room again", session.nick(), tree.limits().rootSlots());
    }
    warnedOverRootSlots = over;
    routes.send(session, new Assign(session.id(), (PeerAddress) null));
  }

  private void releasePending(Session session) {
    if (session.pendingParent() != null) {
      tree.release(session.pendingParent());
      session.pendingParent(null);
    }
  }

}

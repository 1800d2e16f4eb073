package org.prochat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.prochat.crypto.CoordinatorExchange;
import org.prochat.crypto.CryptoFailure;
import org.prochat.crypto.FrameSeal;
import org.prochat.crypto.IdentityKey;
import org.prochat.crypto.KeyExchange;
import org.prochat.crypto.PublicKeys;
import org.prochat.protocol.Attach;
import org.prochat.protocol.Candidates;
import org.prochat.protocol.PeerAddress;
import org.prochat.protocol.Pong;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Report;
import org.prochat.protocol.Rtts;
import org.prochat.protocol.Sealed;
import org.prochat.server.FloodLimits;
import org.prochat.server.overlay.OverlayLimits;
import org.prochat.server.overlay.OverlayTree;
import org.prochat.server.overlay.ProxyChooser;
import org.prochat.server.stats.ServerStats;

/** Offers to newcomers that probe at the same time, each session on a link of its own. */
class ProxyPlacementTest {
  private final CoordinatorExchange coordinator = CoordinatorExchange.forRun(IdentityKey.generate());
  private final EmbeddedChannel loop = new EmbeddedChannel();
  private final SessionRegistry sessions = new SessionRegistry();
  private final RouteTable routes = new RouteTable(loop.eventLoop(), new ServerStats());
  private final OverlayTree tree = new OverlayTree(new OverlayLimits(1, 64, 6, Duration.ofSeconds(20)));
  private final ProxyPlacement placement = new ProxyPlacement(tree, new ProxyChooser(new Random(1)), sessions, routes);

  @Test
  void aNewcomerWhileAnotherProbesIsOfferedTheProxiesWhosePlacesAreNotPromisedYet() throws Exception {
    for (int i = 1; i <= ProxyPlacement.MAX_CANDIDATES + 1; i++) {
      join("p" + i, true);
    }
    Joined first = join("first", false);
    Joined second = join("second", false);

    placement.offer(first.session());
    placement.offer(second.session());

    assertThat(offered(first)).hasSize(ProxyPlacement.MAX_CANDIDATES).doesNotContain("p9");
    assertThat(offered(second)).containsExactly("p9");
  }

  @Test
  void whenEveryPlaceIsPromisedANewcomerIsStillOfferedProxiesRatherThanKeptDirect() throws Exception {
    join("p1", true);
    Joined first = join("first", false);
    Joined second = join("second", false);

    placement.offer(first.session());
    placement.offer(second.session());

    assertThat(offered(first)).containsExactly("p1");
    assertThat(offered(second)).containsExactly("p1");
  }

  @Test
  void aGapReportedRightAfterTheReportersBranchMovedDoesNotCountAgainstItsProxy() throws Exception {
    Joined proxy = join("p1", true);
    Joined mover = join("mover", true);
    Joined below = join("below", false);
    tree.placeUnder(below.session().id(), mover.session().id());
    routes.route(below.session(), mover.session().route());
    placement.offer(mover.session());
    placement.measured(mover.session(), new Rtts(mover.session().id(),
        List.of(new Rtts.Measured(proxy.session().id(), 100))));

    String proof = mover.seal().prove(Attach.statement(mover.session().id(), proxy.session().id()));
    placement.attach(proxy.session().route(), new Attach(ProtocolLimits.VERSION, mover.session().id(), proof), 0);
    placement.reported(below.session(), new Report(below.session().id(), mover.session().id(), Report.Kind.DROPPED));

    assertThat(tree.parent(below.session().id())).isEqualTo(mover.session().id());
    assertThat(tree.parent(mover.session().id())).as("the branch moved below p1").isEqualTo(proxy.session().id());
    assertThat(mover.session().record().reports()).isZero();
  }

  @Test
  void everyoneBelowAResumedSessionAndNobodyElseIsToldItsBranchMovedByItsNewRoute() throws Exception {
    Joined mover = join("mover", true);
    Joined below = join("below", true);
    Joined deeper = join("deeper", false);
    Joined bystander = join("bystander", false);
    tree.placeUnder(below.session().id(), mover.session().id());
    tree.placeUnder(deeper.session().id(), below.session().id());
    routes.route(below.session(), mover.session().route());
    routes.route(deeper.session(), mover.session().route());
    placement.resumed(mover.session());

    placement.tellBranchMoved(mover.session(), 42);
    loop.runPendingTasks();

    List<Sealed> down = new ArrayList<>();
    for (Object line = mover.channel().readOutbound(); line != null; line = mover.channel().readOutbound()) {
      down.add((Sealed) line);
    }
    assertThat(down).extracting(Sealed::sid).containsExactlyInAnyOrder(below.session().id(), deeper.session().id());
    for (Sealed sealed : down) {
      Joined to = sealed.sid().equals(below.session().id()) ? below : deeper;
      assertThat(to.seal().open(sealed)).isEqualTo(Pong.branchMoved(to.session().id(), 42));
    }
    assertThat((Object) bystander.channel().readOutbound()).isNull();
    assertThat((Object) below.channel().readOutbound()).as("the old links are not the route").isNull();
  }

  /** A sealed session at the root on a link of its own, with a peer port when it relays. */
  private Joined join(String nick, boolean relays) throws CryptoFailure {
    String sid = sessions.nextId();
    KeyPair keys = KeyExchange.newPair();
    String clientKey = PublicKeys.encode(keys.getPublic());
    Session session = new Session(sid, nick, "token-" + nick, relays, false, FloodLimits.DEFAULTS, System.nanoTime());
    session.seal(coordinator.sealFor(sid, clientKey));
    if (relays) {
      session.peer("127.0.0.1", 9000 + sessions.size(), null);
    }
    EmbeddedChannel channel = new EmbeddedChannel();
    Link link = new Link(channel);
    link.owner(session);
    session.bootstrap(link);
    sessions.add(session);
    routes.route(session, link);
    tree.add(sid, relays);
    tree.placeAtRoot(sid);
    FrameSeal mine = FrameSeal.clientSide(KeyExchange.agree(keys.getPrivate(), coordinator.exchangeKey(), clientKey,
        coordinator.exchangeKey(), sid));
    return new Joined(session, channel, mine);
  }

  /** The nicknames of the proxies offered to {@code newcomer}, opened as it opens them. */
  private List<String> offered(Joined newcomer) throws CryptoFailure {
    loop.runPendingTasks(); // the room's coalesced flushes
    Sealed sealed = newcomer.channel().readOutbound();
    Candidates candidates = (Candidates) newcomer.seal().open(sealed);
    return candidates.peers().stream().map(PeerAddress::nick).toList();
  }

  private record Joined(Session session, EmbeddedChannel channel, FrameSeal seal) {}
}

package org.prochat.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener.Seen;
import org.prochat.protocol.Presence;
import org.prochat.server.overlay.OverlayLimits;

/** Presence events reach users below proxies like any room event: the proxies pass them on unread. */
class OverlayPresenceTest {
  @TempDir
  Path dataDir;
  private LiveCoordinator coordinator;
  private final List<OverlayPeer> peers = new ArrayList<>();

  @AfterEach
  void stop() {
    peers.forEach(OverlayPeer::quit);
    coordinator.close();
  }

  @Test
  void usersBelowProxiesSeeWhoCameAndWentInPresenceEvents() throws Exception {
    // One slot at the root and one child each: a chain, so every later user is below a proxy.
    coordinator = LiveCoordinator.start(dataDir, settings -> settings.presenceBatchFrom(2)
        .overlay(new OverlayLimits(1, 1, 4, Duration.ofSeconds(10))));
    for (String nick : List.of("alice", "bob", "carol")) {
      OverlayPeer peer = OverlayPeer.join(coordinator.address(), nick);
      peers.add(peer);
      if (!nick.equals("alice")) {
        peer.awaitParent();
      }
    }

    OverlayPeer dave = OverlayPeer.join(coordinator.address(), "dave");
    dave.awaitParent();
    // Announced before leaving: one who comes and goes within a batch is announced neither way.
    peers.forEach(peer -> awaitPresence(peer, p -> p.joined().stream().anyMatch(came -> came.nick().equals("dave"))));
    dave.quit();

    for (OverlayPeer peer : peers) {
      awaitPresence(peer, p -> p.left().stream().anyMatch(gone -> gone.nick().equals("dave")));
      assertThat(peer.seqs()).as(peer.nick).isSorted().doesNotHaveDuplicates();
    }
  }

  private static void awaitPresence(OverlayPeer peer, Predicate<Presence> test) {
    peer.heard.awaitFirst(Seen.class, seen -> seen.event() instanceof Presence p && test.test(p));
  }
}

package org.prochat.overlay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ServerAddress;
import org.prochat.node.PeerNodeOptions;
import org.prochat.protocol.Message;
import org.prochat.server.overlay.OverlayLimits;

/**
 * A live coordinator that allows one child per proxy (so a chain of users is the only shape the
 * placement rules allow) and a {@link HoldingForwarder} in front of it, for tests that hold frames
 * back on one user's link to the coordinator and then let a proxy die; the peers joined here quit
 * after each test.
 */
abstract class HeldWireRoom {
  /** Slow heartbeats: nothing in these tests may hinge on a pong, nor may a pong kept back close a link. */
  static final Duration HEARTBEAT = Duration.ofSeconds(5);

  @TempDir
  Path dataDir;
  LiveCoordinator coordinator;
  HoldingForwarder wire;
  private final List<OverlayPeer> peers = new ArrayList<>();

  @BeforeEach
  void startRoom() throws Exception {
    coordinator = LiveCoordinator.start(dataDir, settings -> settings
        .overlay(new OverlayLimits(1, 64, 6, Duration.ofSeconds(20))));
    wire = new HoldingForwarder(coordinator.address());
  }

  @AfterEach
  void stopRoom() throws IOException {
    peers.forEach(OverlayPeer::quit);
    wire.close();
    coordinator.close();
  }

  /** A peer joined through {@code address} (the coordinator's, or the wire's) with {@code node}. */
  OverlayPeer join(ServerAddress address, String nick, PeerNodeOptions node) {
    OverlayPeer peer = OverlayPeer.join(address, nick, ChatClientOptions.DEFAULTS.withPeer(node), HEARTBEAT);
    peers.add(peer);
    return peer;
  }

  /** Kills {@code peer} as a crashed program would be; it is not asked to quit after the test. */
  void crash(OverlayPeer peer) {
    peer.crash();
    peers.remove(peer);
  }

  static List<String> texts(OverlayPeer peer) {
    return peer.heard.messages().stream().map(Message::text).toList();
  }
}

package org.prochat.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.protocol.Chained;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Message;
import org.prochat.server.FloodLimits;
import org.prochat.server.overlay.OverlayLimits;
import org.prochat.server.room.RoomSnapshot;
import org.prochat.server.stats.ServerStats;

/** Twenty-two clients with real peer nodes build a tree within the limits and all hear everything once. */
class OverlayShapeTest {
  static final int MAX_CHILDREN = 3;
  static final int ROOT_SLOTS = 2;

  @TempDir
  Path dataDir;
  private LiveCoordinator coordinator;
  private final List<OverlayPeer> peers = new ArrayList<>();

  @BeforeEach
  void buildTheTree() throws Exception {
    coordinator = LiveCoordinator.start(dataDir, settings -> settings
        .overlay(new OverlayLimits(MAX_CHILDREN, ROOT_SLOTS, 6, Duration.ofSeconds(10)))
        .flood(new FloodLimits(1000, 1000, Duration.ofSeconds(1), 1000)));
    peers.add(OverlayPeer.join(coordinator.address(), "alice"));
    OverlayPeer bob = OverlayPeer.join(coordinator.address(), "bob");
    peers.add(bob);
    assertThat(bob.awaitParent()).as("the first two connect directly to each other").isEqualTo("alice");
    for (int i = 0; i < 20; i++) {
      OverlayPeer newcomer = OverlayPeer.join(coordinator.address(), "user" + i);
      peers.add(newcomer);
      newcomer.awaitParent();
    }
  }

  @AfterEach
  void stop() {
    peers.forEach(OverlayPeer::quit);
    coordinator.close();
  }

  @Test
  void everyLimitHolds() throws Exception {
    RoomSnapshot room = snapshot();

    assertThat(room.users()).hasSize(22);
    Map<String, Long> childrenPerProxy = room.users().stream().filter(u -> u.parentNick() != null)
        .collect(Collectors.groupingBy(RoomSnapshot.UserView::parentNick, Collectors.counting()));
    assertThat(childrenPerProxy.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(MAX_CHILDREN));
    assertThat(room.users().stream().filter(u -> u.depth() == 1).count()).isLessThanOrEqualTo(ROOT_SLOTS);
    assertThat(room.directLinks()).isLessThanOrEqualTo(ROOT_SLOTS);
    assertThat(room.users()).allSatisfy(u -> assertThat(u.depth()).isBetween(1, 6));
  }

  @Test
  void everyClientReceivesEveryBroadcastExactlyOnceInOrder() {
    OverlayPeer last = peers.getLast();
    for (int i = 0; i < 10; i++) {
      peers.get(i * 2).client.say("round " + i);
    }

    for (OverlayPeer peer : peers) {
      await().atMost(RecordingListener.PATIENCE).until(() -> peer.heard.messages().size() >= 10);
    }
    List<String> order = texts(last);
    for (OverlayPeer peer : peers) {
      assertThat(texts(peer)).as(peer.nick).hasSize(10).isEqualTo(order);
      List<Long> seqs = peer.seqs();
      assertThat(seqs).as(peer.nick + " hears every event once, in order, without gaps")
          .doesNotHaveDuplicates().isSorted();
      assertThat(seqs.getLast() - seqs.getFirst() + 1).isEqualTo(seqs.size());
    }
  }

  @Test
  void theCoordinatorWritesEachBroadcastOncePerDirectChildNotOncePerUser() throws Exception {
    ServerStats.Snapshot before = coordinator.coordinator().stats().snapshot();

    peers.get(5).client.say("how much did this cost?");
    for (OverlayPeer peer : peers) {
      peer.heard.awaitMessage("how much did this cost?");
    }

    ServerStats.Snapshot after = coordinator.coordinator().stats().snapshot();
    Message message = peers.getFirst().heard.messages().getLast();
    // Every client verifies, so the event goes out chained: its JSON and the chain's 32-byte hash before it.
    String someHash = Base64.getEncoder().encodeToString(new byte[32]);
    long frameBytes = FrameCodec.instance().encode(new Chained(someHash, FrameCodec.instance().encodeToString(message))).length + 1;
    int directLinks = snapshot().directLinks();
    assertThat(after.broadcasts() - before.broadcasts()).isEqualTo(1);
    assertThat(after.broadcastBytes() - before.broadcastBytes()).isEqualTo(directLinks * frameBytes);
    assertThat(directLinks).isLessThan(peers.size() / 5);
  }

  private RoomSnapshot snapshot() throws Exception {
    return coordinator.coordinator().room().loop().submit(coordinator.coordinator().room()::snapshot).get();
  }

  private static List<String> texts(OverlayPeer peer) {
    return peer.heard.messages().stream().map(Message::text).toList();
  }
}

package org.prochat.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Message;
import org.prochat.server.FloodLimits;
import org.prochat.server.overlay.OverlayLimits;

/**
 * A proxy with descendants goes away while several users keep talking: everyone left ends with the
 * complete room, nothing missing, nothing twice, and every message was posted exactly once.
 */
class OverlayFailoverTest {
  static final int MESSAGES_PER_SENDER = 30;

  @TempDir
  Path dataDir;
  private LiveCoordinator coordinator;
  private final List<OverlayPeer> peers = new ArrayList<>();
  private OverlayPeer proxy;

  @BeforeEach
  void buildADeepTree() throws Exception {
    coordinator = LiveCoordinator.start(dataDir, settings -> settings
        .overlay(new OverlayLimits(2, 4, 8, Duration.ofSeconds(15)))
        .flood(new FloodLimits(1000, 1000, Duration.ofSeconds(1), 1000)));
    for (String nick : List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan")) {
      OverlayPeer peer = OverlayPeer.join(coordinator.address(), nick);
      peers.add(peer);
      if (!nick.equals("alice")) {
        peer.awaitParent();
      }
    }
    // With two children per proxy, each of alice's children carries a subtree; take the larger one.
    proxy = peers.stream().filter(p -> !p.nick.equals("alice"))
        .max(java.util.Comparator.comparingInt(p -> descendantsOf(p.nick).size())).orElseThrow();
    assertThat(descendantsOf(proxy.nick)).hasSizeGreaterThanOrEqualTo(3);
  }

  @AfterEach
  void stop() {
    peers.forEach(OverlayPeer::quit);
    coordinator.close();
  }

  @Test
  void aProxyThatCrashesLosesNobodyAnything() throws Exception {
    everyoneEndsWithTheWholeRoomWhen(OverlayPeer::crash);
  }

  @Test
  void aProxyThatLeavesPolitelyHandsItsChildrenOnWithoutLoss() throws Exception {
    everyoneEndsWithTheWholeRoomWhen(OverlayPeer::quit);
  }

  private void everyoneEndsWithTheWholeRoomWhen(Consumer<OverlayPeer> proxyGoesAway) throws Exception {
    List<String> below = descendantsOf(proxy.nick);
    // Everyone but the proxy sends: from above, beside and below the one that goes away.
    List<OverlayPeer> senders = peers.stream().filter(p -> p != proxy).toList();
    List<CompletableFuture<Ack>> acks = new ArrayList<>();
    for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
      for (OverlayPeer sender : senders) {
        acks.add(sender.client.say(sender.nick + " " + i));
      }
      if (i == MESSAGES_PER_SENDER / 3) {
        proxyGoesAway.accept(proxy);
      }
    }
    peers.remove(proxy);

    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    long lastSeq = acks.stream().mapToLong(a -> a.join().seq()).max().orElseThrow();
    for (OverlayPeer peer : peers) {
      await().atMost(Duration.ofSeconds(20)).until(() -> !peer.seqs().isEmpty() && peer.seqs().getLast() >= lastSeq);
    }

    for (OverlayPeer peer : peers) {
      List<Long> seqs = peer.seqs();
      assertThat(seqs).as(peer.nick + " sees every event once and in order").doesNotHaveDuplicates().isSorted();
      assertThat(seqs.getLast() - seqs.getFirst() + 1).as(peer.nick + " has no gap").isEqualTo(seqs.size());
      Map<String, Long> copies = peer.heard.messages().stream()
          .collect(Collectors.groupingBy(Message::text, Collectors.counting()));
      for (OverlayPeer sender : senders) {
        for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
          assertThat(copies.get(sender.nick + " " + i)).as(peer.nick + " sees '" + sender.nick + " " + i + "' once")
              .isEqualTo(1L);
        }
      }
    }
    assertThat(acks).allSatisfy(ack -> assertThat(ack.join().status()).isIn(Ack.Status.POSTED, Ack.Status.DUPLICATE));
    assertThat(peers).as("nobody below the proxy was announced gone")
        .allSatisfy(p -> assertThat(p.heard.all(org.prochat.app.testkit.RecordingListener.Seen.class))
            .noneMatch(seen -> seen.event() instanceof org.prochat.protocol.Leave leave && below.contains(leave.nick())));
  }

  /** Nicknames of everyone below {@code nick} in the coordinator's tree. */
  private List<String> descendantsOf(String nick) {
    var room = coordinator.coordinator().room();
    return room.loop().submit(room::snapshot).syncUninterruptibly().getNow().below(nick);
  }
}

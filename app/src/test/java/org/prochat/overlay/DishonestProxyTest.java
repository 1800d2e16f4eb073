package org.prochat.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.client.ChatClientOptions;
import org.prochat.node.PeerNodeOptions;
import org.prochat.protocol.Chained;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.Message;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.Say;
import org.prochat.protocol.Sealed;
import org.prochat.server.overlay.OverlayLimits;

/**
 * A proxy is some other user's computer. Here it is mallory's, running a real peer node that reads
 * everything it relays and rewrites, injects, replays or drops frames on the way down: the users
 * below it never show what it made up, still get everything that was really said, leave it, and
 * never have their whispers read by it.
 */
class DishonestProxyTest {
  @TempDir
  Path dataDir;
  private final DishonestTap tap = new DishonestTap();
  private final List<OverlayPeer> peers = new ArrayList<>();
  private LiveCoordinator coordinator;
  private OverlayPeer mallory;
  private OverlayPeer victim;
  private OverlayPeer bob;

  /** One root slot: mallory takes it, and everyone after hangs below her. */
  private void start(boolean endToEnd) throws Exception {
    coordinator = LiveCoordinator.start(dataDir, settings -> settings
        .overlay(new OverlayLimits(4, 1, 3, Duration.ofSeconds(10)))
        .privateEndToEnd(endToEnd));
    mallory = join("mallory", PeerNodeOptions.defaults().withPort(0).withTap(tap));
    victim = join("victim", PeerNodeOptions.defaults().withPort(0));
    assertThat(victim.awaitParent()).isEqualTo("mallory");
    bob = join("bob", PeerNodeOptions.defaults().withPort(0).withoutRelaying());
    bob.awaitParent();
  }

  private OverlayPeer join(String nick, PeerNodeOptions options) {
    OverlayPeer peer = OverlayPeer.join(coordinator.address(), nick, ChatClientOptions.DEFAULTS.withPeer(options));
    peers.add(peer);
    return peer;
  }

  @AfterEach
  void stop() {
    peers.forEach(OverlayPeer::quit);
    if (coordinator != null) {
      coordinator.close();
    }
  }

  @Test
  void aRewrittenEventIsNeverShownTheRealOneArrivesAndTheVictimLeavesTheProxy() throws Exception {
    start(false);
    tap.plan(frame -> frame instanceof Chained chained && chained.body().contains("pay bob")
        ? List.of(new Chained(chained.prev(), chained.body().replace("pay bob", "pay mallory")))
        : List.of(frame));

    bob.client.say("please pay bob 10 euros").join();

    victim.heard.awaitMessage("please pay bob 10 euros");
    awaitDirect(victim);
    assertNeverShown("pay mallory");
    assertThat(texts(victim)).containsOnlyOnce("please pay bob 10 euros");
    assertNewcomersAvoid("dave", mallory);
  }

  @Test
  void injectedEventsPlainOrChainedAreNeverShown() throws Exception {
    start(false);
    tap.plan(frame -> frame instanceof Chained chained && chained.body().contains("hello from bob")
        // The lies come first: whatever a client took first for a seq would win over the truth.
        ? List.of(new Chained(chained.prev(), chained.body().replace("hello from bob", "chained lie")),
            new Message(null, seqOf(chained), 0, "bob", "m-1", "plain lie"), frame)
        : List.of(frame));

    bob.client.say("hello from bob").join();
    bob.client.say("and a second line").join();

    victim.heard.awaitMessage("and a second line");
    awaitDirect(victim);
    assertNeverShown("chained lie");
    assertNeverShown("plain lie");
    assertThat(texts(victim)).containsSubsequence("hello from bob", "and a second line").containsOnlyOnce("hello from bob");
  }

  @Test
  void replayedFramesAreShownOnceAndTheReplayIsCaught() throws Exception {
    start(false);
    tap.plan(frame -> frame instanceof Sealed || frame instanceof Chained ? List.of(frame, frame) : List.of(frame));

    bob.client.whisper("victim", "just once, please").join();
    bob.client.say("a public line, also once").join();

    victim.heard.awaitMessage("a public line, also once");
    victim.heard.awaitFirst(PrivateMessage.class, m -> m.text().equals("just once, please"));
    awaitDirect(victim);
    assertThat(victim.heard.all(PrivateMessage.class)).extracting(PrivateMessage::text).containsOnlyOnce("just once, please");
    assertThat(texts(victim)).containsOnlyOnce("a public line, also once");
    assertThat(victim.seqs()).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void theProxyCanNeitherPostInSomeoneElsesNameNorReplayWhatTheySaid() throws Exception {
    start(false);
    String victimSid = victim.client.welcome().sid();
    tap.planUp(frame -> frame instanceof Sealed sealed && sealed.sid().equals(victimSid)
        ? List.of(frame, frame, new Say(victimSid, "forged-1", "victim says: mallory is great"))
        : List.of(frame));

    victim.client.say("an honest line").join();
    bob.client.say("a line after it").join();

    bob.heard.awaitMessage("a line after it");
    assertThat(texts(bob)).containsOnlyOnce("an honest line");
    assertNeverShown("mallory is great");
  }

  @Test
  void aDroppedEventIsRecoveredFromTheCoordinatorInItsPlace() throws Exception {
    start(false);
    tap.plan(frame -> frame instanceof Chained chained && chained.body().contains("drop me")
        ? List.of() : List.of(frame));

    bob.client.say("before").join();
    bob.client.say("drop me").join();
    bob.client.say("after").join();

    victim.heard.awaitMessage("after");
    victim.heard.awaitMessage("drop me");
    assertThat(texts(victim)).containsSubsequence("before", "drop me", "after").containsOnlyOnce("drop me");
    List<Long> seqs = victim.seqs();
    assertThat(seqs).doesNotHaveDuplicates().isSorted();
    assertThat(seqs.getLast() - seqs.getFirst() + 1).as("no gap left").isEqualTo(seqs.size());
  }

  @Test
  void theProxyNeverSeesAWhispersWords() throws Exception {
    start(false);

    whisperBothWays();

    assertThat(tap.captured()).as("mallory relayed them").isNotEmpty()
        .doesNotContain("cake").doesNotContain("fridge").doesNotContain("typed");
  }

  @Test
  void endToEndWhispersAreReadableByTheRecipientOnlyNotByTheProxyNorTheCoordinatorsLogAndStore() throws Exception {
    start(true);

    whisperBothWays();

    assertThat(tap.captured()).isNotEmpty().doesNotContain("cake").doesNotContain("fridge").doesNotContain("typed");
    coordinator.close();
    coordinator = null;
    String kept = everythingIn(dataDir);
    assertThat(kept).contains("[end-to-end encrypted]").contains("victim")
        .doesNotContain("cake").doesNotContain("fridge").doesNotContain("typed");
  }

  /** Bob to the victim, the victim back (as a whisper and as a typed /msg); each reads the other's words. */
  private void whisperBothWays() {
    bob.client.whisper("victim", "the cake is in the fridge").join();
    victim.client.whisper("bob", "which fridge?").join();
    victim.client.say("/msg bob typed as a command").join();

    victim.heard.awaitFirst(PrivateMessage.class, m -> m.text().equals("the cake is in the fridge"));
    bob.heard.awaitFirst(PrivateMessage.class, m -> m.text().equals("which fridge?"));
    bob.heard.awaitFirst(PrivateMessage.class, m -> m.text().equals("typed as a command"));
  }

  /** Waits until the peer, having been below a proxy, speaks to the coordinator directly again. */
  private void awaitDirect(OverlayPeer peer) {
    await().atMost(RecordingListener.PATIENCE).until(() -> {
      List<RecordingListener.Routed> routes = peer.heard.all(RecordingListener.Routed.class);
      return routes.stream().anyMatch(r -> r.parentNick() != null) && routes.getLast().parentNick() == null;
    });
  }

  private void assertNeverShown(String words) {
    for (OverlayPeer peer : peers) {
      assertThat(texts(peer)).as(peer.nick).noneMatch(text -> text.contains(words));
    }
  }

  /** A newcomer is not placed below a proxy that was caught. */
  private void assertNewcomersAvoid(String nick, OverlayPeer caught) {
    await().atMost(RecordingListener.PATIENCE).until(() -> coordinator.coordinator().room().loop()
        .submit(() -> coordinator.coordinator().room().snapshot()).get().users().stream()
        .anyMatch(u -> u.nick().equals(victim.nick) && u.parentNick() == null));
    OverlayPeer dave = join(nick, PeerNodeOptions.defaults().withPort(0).withoutRelaying());
    await().atMost(RecordingListener.PATIENCE).until(() -> !dave.heard.all(RecordingListener.KeptDirect.class).isEmpty()
        || dave.heard.all(RecordingListener.Routed.class).stream().anyMatch(r -> r.parentNick() != null));
    assertThat(dave.heard.all(RecordingListener.Routed.class)).extracting(RecordingListener.Routed::parentNick)
        .doesNotContain(caught.nick);
  }

  private static long seqOf(Chained chained) {
    try {
      return ((Message) FrameCodec.instance().decode(chained.body())).seq();
    } catch (FrameDecodingException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> texts(OverlayPeer peer) {
    return peer.heard.messages().stream().map(Message::text).toList();
  }

  /** Every byte the coordinator keeps in its data directory (store, its journal, the chat log), as text. */
  private static String everythingIn(Path dir) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    return all.toString();
  }
}

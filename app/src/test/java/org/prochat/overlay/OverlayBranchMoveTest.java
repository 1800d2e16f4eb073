package org.prochat.overlay;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.node.PeerNodeOptions;
import org.prochat.protocol.Chained;

/**
 * A user deep in the tree whose own link stays up while a proxy above its parent dies: its parent
 * resumes on a direct link and keeps it, but a replay the user asked for was on its way through the
 * dead proxy. The coordinator tells it that its branch moved, and it asks again at once; without
 * that word it would wait for its replay patience (3 s) to run out.
 */
class OverlayBranchMoveTest extends HeldWireRoom {
  /** Well within the 3 s after which the user below would ask for the replay again by itself. */
  static final Duration CATCHING_UP = Duration.ofMillis(1500);

  private final DishonestTap lossy = new DishonestTap();

  @Test
  void aReplayLostWithAProxyAboveIsAskedForAgainAtOnceWhenTheBranchMoves() throws Exception {
    // doomed (its direct link through the wire) → parent → below; the talker stays direct.
    OverlayPeer doomed = join(wire.address(), "doomed", PeerNodeOptions.defaults().withPort(0));
    OverlayPeer parent = join(coordinator.address(), "parent", PeerNodeOptions.defaults().withPort(0).withTap(lossy));
    assertThat(parent.awaitParent()).isEqualTo("doomed");
    OverlayPeer below = join(coordinator.address(), "below", PeerNodeOptions.defaults().withPort(0).withoutRelaying());
    assertThat(below.awaitParent()).isEqualTo("parent");
    OverlayPeer talker = join(coordinator.address(), "talker", PeerNodeOptions.defaults().withPort(0).withoutRelaying());
    talker.heard.awaitFirst(RecordingListener.KeptDirect.class, kept -> true);
    String belowSid = below.client.welcome().sid();
    talker.client.say("before").get(10, SECONDS);
    below.heard.awaitMessage("before");

    // One event does not reach the user below, so it asks for a replay; the answer comes down the
    // doomed proxy's direct link, and is still on that wire when the proxy dies.
    lossy.plan(frame -> frame instanceof Chained chained && chained.body().contains("withheld")
        ? List.of() : List.of(frame));
    wire.hold(belowSid);
    talker.client.say("withheld").get(10, SECONDS);
    talker.client.say("after").get(10, SECONDS);
    await().atMost(RecordingListener.PATIENCE).until(() -> wire.heldFor(belowSid) >= 2);
    assertThat(texts(below)).doesNotContain("withheld", "after");

    crash(doomed);
    long killed = System.nanoTime();

    await().atMost(CATCHING_UP).until(() -> texts(below).containsAll(List.of("withheld", "after")));
    long caughtUpMillis = (System.nanoTime() - killed) / 1_000_000;
    parent.heard.awaitFirst(RecordingListener.Reconnected.class, back -> true);
    assertThat(below.heard.all(RecordingListener.Reconnected.class)).as("its own link stayed up").isEmpty();
    assertThat(below.seqs()).as("every event once, in order (caught up %d ms after the kill)", caughtUpMillis)
        .doesNotHaveDuplicates().isSorted();
  }
}

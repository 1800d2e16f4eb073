package org.prochat.overlay;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.client.ServerAddress;
import org.prochat.node.PeerNodeOptions;

/**
 * A client whose proxy died comes back on a direct link with the users below it, and moves below
 * another proxy: what the coordinator sent those users down the direct link just before the move,
 * still on the wire when the client moves, must reach them. Here it is a replay one of them asked
 * for; lost, that user would wait for its replay patience (3 s) to ask again.
 */
class OverlayMoveTest extends HeldWireRoom {
  /** Well within the 3 s after which the user below would ask for the replay again. */
  static final Duration BEFORE_ASKING_AGAIN = Duration.ofSeconds(2);


  @Test
  void aReplayStillOnTheWireDownTheOldDirectLinkReachesTheUserBelow() throws Exception {
    OverlayPeer doomed = join(coordinator.address(), "doomed", true);
    OverlayPeer mover = join(wire.address(), "mover", true);
    assertThat(mover.awaitParent()).isEqualTo("doomed");
    OverlayPeer below = join(coordinator.address(), "below", false);
    assertThat(below.awaitParent()).isEqualTo("mover");
    OverlayPeer proxy = join(coordinator.address(), "proxy", true);
    proxy.heard.awaitFirst(RecordingListener.KeptDirect.class, kept -> true);
    String moverSid = mover.client.welcome().sid();
    String belowSid = below.client.welcome().sid();

    // The mover's proxy dies, and the room goes on before the mover is back.
    wire.closeGate();
    crash(doomed);
    proxy.client.say("while away").get(10, SECONDS);
    // Back on its direct link, whatever is sealed for the mover (its offer of proxies too) and for the
    // user below it is slow on the wire.
    wire.hold(moverSid);
    wire.hold(belowSid);
    wire.openGate();
    mover.heard.awaitFirst(RecordingListener.Reconnected.class, back -> true);
    // The next event shows the user below what it missed: the replay it asks for comes down the
    // mover's direct link.
    proxy.client.say("after").get(10, SECONDS);
    await().atMost(RecordingListener.PATIENCE).until(() -> wire.heldFor(belowSid) >= 2);

    // The mover gets its offer and moves below the proxy while that replay is still on the wire.
    wire.release(moverSid);
    await().atMost(BEFORE_ASKING_AGAIN).until(() -> texts(below).containsAll(List.of("while away", "after")));
    assertThat(mover.heard.all(RecordingListener.Routed.class)).last()
        .isEqualTo(new RecordingListener.Routed("proxy"));
    assertThat(below.seqs()).as("every event once, in order").doesNotHaveDuplicates().isSorted();
  }

  private OverlayPeer join(ServerAddress address, String nick, boolean relaying) {
    PeerNodeOptions node = PeerNodeOptions.defaults().withPort(0);
    return join(address, nick, relaying ? node : node.withoutRelaying());
  }
}

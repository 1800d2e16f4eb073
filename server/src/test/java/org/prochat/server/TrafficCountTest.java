package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.prochat.protocol.Message;
import org.prochat.protocol.Say;
import org.prochat.server.stats.ServerStats;

/**
 * Broadcasts enter each link's pipeline below the codec, not at its tail; the bytes they put on
 * the wire must still be counted as the coordinator's traffic.
 */
class TrafficCountTest extends RunningCoordinator {
  @Test
  void theBytesOfABroadcastAreCountedAsBytesOut() throws Exception {
    start();
    RawClient alice = join("alice");
    RawClient bob = join("bob");
    alice.send(new Say("m1", "settling"));
    bob.await(Message.class, m -> m.text().equals("settling"));
    ServerStats.Snapshot before = coordinator.stats().snapshot();

    // Longer than the acknowledgements that may still be on their way, which are counted too.
    alice.send(new Say("m2", "a line long enough to outweigh every acknowledgement in flight"));
    alice.await(Message.class, m -> m.text().startsWith("a line"));
    bob.await(Message.class, m -> m.text().startsWith("a line"));

    ServerStats.Snapshot after = coordinator.stats().snapshot();
    long broadcast = after.broadcastBytes() - before.broadcastBytes();
    assertThat(broadcast).isPositive();
    assertThat(after.bytesOut() - before.bytesOut()).isGreaterThanOrEqualTo(broadcast);
  }
}

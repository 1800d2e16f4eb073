package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.PeerAddress;
import org.prochat.protocol.Report;

/** What a client holds against its proxy, and what it tells the coordinator. */
class ProxySuspicionTest {
  private static final long SECOND = 1_000_000_000L;
  private final ProxySuspicion suspicion = new ProxySuspicion();

  @Test
  void aGapRightAfterMovingIsTheMovesDoingAndOneLaterIsTheProxys() {
    suspicion.assigned("s1");
    suspicion.attached(100 * SECOND);

    assertThat(suspicion.dropped(101 * SECOND)).isEmpty();
    assertThat(suspicion.dropped(103 * SECOND)).contains(new Report(null, "s1", Report.Kind.DROPPED));
  }

  @Test
  void aForgingProxyIsReportedOnceAndNeverProbedAgain() {
    suspicion.assigned("s1");
    suspicion.forged();

    assertThat(suspicion.pendingReport()).contains(new Report(null, "s1", Report.Kind.FORGED));
    assertThat(suspicion.pendingReport()).isEmpty();
    List<PeerAddress> offered = List.of(new PeerAddress("s1", "mallory", "10.0.0.1", 9091),
        new PeerAddress("s2", "alice", "10.0.0.2", 9091));
    assertThat(suspicion.trusted(offered)).extracting(PeerAddress::sid).containsExactly("s2");
  }
}

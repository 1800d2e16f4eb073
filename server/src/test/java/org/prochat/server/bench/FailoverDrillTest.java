package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.prochat.server.overlay.OverlayLimits;

/** The failover scenario at toy size, over real loopback sockets: proxies die, nobody misses a thing. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FailoverDrillTest {
  @Test
  void everyOrphanCatchesUpWithNothingLostOrShownTwice() throws Exception {
    // Two children per proxy: ten users make a tree deep enough to kill below the top twice.
    OverlayLimits narrow = new OverlayLimits(2, 64, 6, Duration.ofSeconds(20));
    FailoverDrill.Plan plan = new FailoverDrill.Plan(2, 1, 50, 64);

    FailoverDrill.Result result;
    try (BenchRoom room = BenchRoom.open(narrow, 10, true, new Recorder(3))) {
      result = new FailoverDrill(plan).run(room);
    }

    assertThat(result.kills()).hasSize(2).allSatisfy(kill -> {
      assertThat(kill.descendants()).isPositive();
      assertThat(kill.catchUpMillis().getTotalCount()).isEqualTo(kill.descendants());
      assertThat(kill.stillBehind()).isZero();
    });
    assertThat(result.catchUpMillis().getTotalCount())
        .isEqualTo(result.kills().stream().mapToLong(FailoverDrill.Kill::descendants).sum());
    assertThat(result.acknowledged()).isPositive();
    assertThat(result.unacknowledged()).isZero();
    assertThat(result.expectedDeliveries()).isEqualTo(result.acknowledged() * 8);
    assertThat(result.lost()).isZero();
    assertThat(result.duplicates()).isZero();
    assertThat(result.gaps()).isZero();
  }
}

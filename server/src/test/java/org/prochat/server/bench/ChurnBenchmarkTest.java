package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.prochat.server.overlay.OverlayLimits;

/** The churn scenario at toy size, over real loopback sockets: every newcomer is measured and leaves. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChurnBenchmarkTest {
  private static final Duration GRACE = Duration.ofSeconds(20);

  @Test
  void everyNewcomerIsPlacedMeasuredAndGone() throws Exception {
    ChurnBenchmark.Plan plan = new ChurnBenchmark.Plan(6, 8, 1, 0, new OverlayLimits(4, 64, 6, GRACE));

    ChurnBenchmark.Result result = new ChurnBenchmark(plan).run();

    assertThat(result.failed()).as("failed joins (first: %s)", result.firstFailure()).isZero();
    assertThat(result.underProxy() + result.keptDirect()).isEqualTo(plan.joins());
    assertThat(result.underProxy()).as("six relaying users have room for them").isPositive();
    assertThat(result.joinToPlacedMicros().getTotalCount()).isEqualTo(plan.joins());
    assertThat(result.joinToWelcomeMicros().getTotalCount()).isEqualTo(plan.joins());
    assertThat(result.joinToPlacedMicros().getMinValue())
        .as("placed no sooner than welcomed").isGreaterThanOrEqualTo(result.joinToWelcomeMicros().getMinValue());
    assertThat(result.left()).isEqualTo(plan.joins());
    assertThat(result.joinsPerSecond()).isPositive();
    assertThat(result.leavesPerSecond()).isPositive();
    assertThat(result.cpu().coordinatorNanos()).as("the coordinator's threads are counted").isPositive();
    assertThat(result.cpu().generatorNanos()).as("the simulated users' threads are counted").isPositive();
  }

  @Test
  void aNewcomerNoProxyCanTakeCountsAsPlacedWhenKeptDirect() throws Exception {
    // Depth 1: nobody may hang below anybody, so the coordinator keeps every newcomer direct.
    ChurnBenchmark.Plan plan = new ChurnBenchmark.Plan(3, 5, 1, 0, new OverlayLimits(4, 64, 1, GRACE));

    ChurnBenchmark.Result result = new ChurnBenchmark(plan).run();

    assertThat(result.failed()).as("failed joins (first: %s)", result.firstFailure()).isZero();
    assertThat(result.keptDirect()).isEqualTo(plan.joins());
    assertThat(result.underProxy()).isZero();
    assertThat(result.joinToPlacedMicros().getTotalCount()).isEqualTo(plan.joins());
    assertThat(result.left()).isEqualTo(plan.joins());
  }
}

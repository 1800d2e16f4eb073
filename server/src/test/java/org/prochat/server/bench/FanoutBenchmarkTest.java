package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.prochat.server.overlay.OverlayLimits;

/**
 * The fan-out scenario at toy size against a coordinator in this JVM, over real loopback sockets:
 * four users, two posting at full speed, so the run only goes on while the senders find their acks;
 * two timed (the first and the last); at full speed the others are read as data comes, too.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FanoutBenchmarkTest {
  private BenchRoom room;
  private CoordinatorProcess coordinator;

  @BeforeEach
  void startCoordinator() throws Exception {
    room = BenchRoom.open(new OverlayLimits(4, 64, 6, Duration.ofSeconds(20)), 0, false, new Recorder(3));
    coordinator = CoordinatorProcess.attach("127.0.0.1", room.address().port(), 0, null);
  }

  @AfterEach
  void stopCoordinator() throws Exception {
    room.close();
  }

  private FanoutBenchmark.Result run(boolean sealed) throws InterruptedException {
    return new FanoutBenchmark(new FanoutBenchmark.Plan(4, 2, 0, 1, 1, 64, sealed, 2)).run(coordinator);
  }

  @Test
  void aSealedRunCountsChainedDeliveriesAndCheckpointsAndTimesWhatVerifyingWouldCost() throws Exception {
    FanoutBenchmark.Result result = run(true);

    assertThat(result.deliveriesPerSecond()).as("deliveries after the warm-up: sealed acks were opened").isPositive();
    assertThat(result.latencyMicros().getTotalCount()).isPositive();
    FanoutVerifyCost cost = result.verification();
    assertThat(cost.checkpointsPerSecond()).isPositive();
    assertThat(cost.eventsPerSecond()).isEqualTo(result.deliveriesPerSecond() / 4);
    assertThat(cost.checkpointMicros()).as("an Ed25519 check").isBetween(5.0, 100_000.0);
    assertThat(cost.hashMicros()).isPositive().isLessThan(cost.checkpointMicros());
    assertThat(cost.perFrameMicros()).as("a hash and at most one checkpoint per event")
        .isGreaterThan(cost.hashMicros()).isLessThanOrEqualTo(cost.hashMicros() + cost.checkpointMicros());
    assertThat(cost.clientCpuPercent()).isPositive();
  }

  @Test
  void aPlainRunCountsDeliveriesAndHasNothingToVerify() throws Exception {
    FanoutBenchmark.Result result = run(false);

    assertThat(result.deliveriesPerSecond()).as("deliveries after the warm-up: acks came back").isPositive();
    assertThat(result.verification()).isNull();
  }
}

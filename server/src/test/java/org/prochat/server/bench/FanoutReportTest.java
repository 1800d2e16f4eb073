package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain and a sealed run side by side: both columns, the verification figures, the ratios. */
class FanoutReportTest {
  private static final FanoutVerifyCost COST = new FanoutVerifyCost(1000, 2, 800, 4);

  private static FanoutBenchmark.Result run(boolean sealed, double deliveries, double cpuPercent) {
    Histogram latency = new Histogram(3);
    latency.recordValue(1500);
    return new FanoutBenchmark.Result(new FanoutBenchmark.Plan(500, 10, 0, 10, 10, 64, sealed, 32), deliveries, latency,
        cpuPercent, 40, 71_500, 600L << 20, 500, sealed ? COST : null);
  }

  private final List<FanoutBenchmark.Result> comparison = List.of(run(false, 500_000, 100), run(true, 400_000, 100));

  @Test
  void aComparisonShowsBothRunsAndTheirRatio() {
    String table = FanoutReport.table(comparison, true);

    assertThat(table).containsPattern("\\|\\s+\\|\\s+plain \\|\\s+sealed \\|")
        .containsPattern("checkpoint check, median \\(us\\)\\s+\\|\\s+- \\|\\s+1,000.0 \\|")
        .containsPattern("users timed\\s+\\|\\s+32 of 500 \\|\\s+32 of 500 \\|")
        .containsPattern("untimed users read\\s+\\|\\s+as data comes \\|\\s+as data comes \\|")
        .containsPattern("users still connected at the end\\s+\\|\\s+500 of 500 \\|")
        .contains("sealed / plain deliveries per second: 0.80 (goal: at least 0.70)")
        .contains("sealed / plain deliveries per coordinator CPU-second: 0.80");
  }

  @Test
  void aRunWithEveryUserTimedSaysSo() {
    FanoutBenchmark.Result all = new FanoutBenchmark.Result(new FanoutBenchmark.Plan(500, 10, 200, 10, 10, 64, false,
        FanoutSample.ALL), 100_000, new Histogram(3), 100, 80, 143, -1, 497, null);

    assertThat(FanoutReport.table(List.of(all), true)).containsPattern("users timed .*\\|\\s+all 500 \\|")
        .containsPattern("untimed users read\\s+\\|\\s+- \\|")
        .containsPattern("users still connected at the end\\s+\\|\\s+497 of 500 \\|");
    JsonNode report = JsonMapper.builder().build().readTree(FanoutReport.json(List.of(all), true));
    assertThat(report.path("timedUsers").asInt()).isEqualTo(500);
    assertThat(report.path("connectedAtEnd").asInt()).isEqualTo(497);
  }

  @Test
  void aSteadyRunWithASampleDrainsTheOthersAndAFullSpeedRunDoesNot() {
    FanoutBenchmark.Result steady = new FanoutBenchmark.Result(new FanoutBenchmark.Plan(500, 10, 200, 10, 10, 64, false, 32),
        100_000, new Histogram(3), 100, 40, 143, -1, 500, null);

    assertThat(FanoutReport.table(List.of(steady), true)).containsPattern("untimed users read\\s+\\|\\s+every 50 ms \\|");
    assertThat(steady.plan().drainsUntimed()).isTrue();
    assertThat(comparison.getFirst().plan().drainsUntimed()).as("full speed").isFalse();
  }

  @Test
  void theVerificationCostPerEventIsTheHashAndItsShareOfACheckpoint() {
    // 800 events and 4 checkpoints a second: 2 us + 4 × 1000 us / 800 per event, 5.6 ms a second.
    assertThat(COST.perFrameMicros()).isCloseTo(7.0, within(1e-9));
    assertThat(COST.clientCpuPercent()).isCloseTo(0.56, within(1e-9));
  }

  @Test
  void aComparisonAsJsonNamesBothRunsAndTheRatio() {
    JsonNode report = JsonMapper.builder().build().readTree(FanoutReport.json(comparison, true));

    assertThat(report.path("plain").path("deliveriesPerSecond").asLong()).isEqualTo(500_000);
    assertThat(report.path("sealed").path("timedUsers").asInt()).isEqualTo(32);
    assertThat(report.path("plain").has("verification")).isFalse();
    assertThat(report.path("sealed").path("verification").path("perFrameMicros").asDouble()).isCloseTo(7.0, within(1e-9));
    assertThat(report.path("sealedToPlain").asDouble()).isEqualTo(0.8);
  }
}

package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bench command line: what it refuses, and one scenario end to end as JSON. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int bench(String... args) {
    return new CommandLine(new BenchCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void failoverRefusesToKillItsOwnSendersOrRunWithoutALoad() {
    assertThat(bench("failover", "--clients", "10", "--senders", "10")).isEqualTo(2);
    assertThat(bench("failover", "--clients", "10", "--senders", "2", "--rate", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--senders < --clients", "--rate >= 1");
  }

  @Test
  void churnRefusesZeroJoinsPerSecond() {
    assertThat(bench("churn", "--rate", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("churn needs --rate >= 1");
  }

  @Test
  void onlyFanoutRunsSealed() {
    assertThat(bench("churn", "--sealed")).isEqualTo(2);
    assertThat(bench("idle", "--compare-sealed")).isEqualTo(2);
    assertThat(err.toString()).contains("for fanout only");
  }

  @Test
  void fanoutTimesAtLeastTheFirstAndTheLastUserOrAll() {
    BenchCommand all = new BenchCommand();
    new CommandLine(all).parseArgs("fanout", "--timed", "all");

    assertThat(all.timed).isEqualTo(FanoutSample.ALL);
    assertThat(bench("fanout", "--timed", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--timed >= 2");
    assertThat(bench("fanout", "--timed", "some")).isEqualTo(2);
    assertThat(err.toString()).contains("a number of users or 'all', not 'some'");
  }

  @Test
  void loopbackRefusesNoWritersMoreWritersThanSocketsAndNoRate() {
    assertThat(bench("loopback", "--writers", "0")).isEqualTo(2);
    assertThat(bench("loopback", "--clients", "4", "--writers", "5")).isEqualTo(2);
    assertThat(bench("loopback", "--rate", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("loopback needs --rate >= 1", "1 <= --writers <= --clients");
  }

  @Test
  void loopbackWithJsonPrintsOneObjectWithItsFigures() {
    assertThat(bench("loopback", "--clients", "4", "--writers", "2", "--rate", "20", "--duration", "1",
        "--timed", "2", "--warm-up", "0", "--json")).isZero();

    JsonNode report = JsonMapper.builder().build().readTree(out.toString());
    assertThat(report.path("scenario").asString()).isEqualTo("loopback");
    assertThat(report.path("deliveries").asLong()).isEqualTo(4 * 20);
    assertThat(report.path("latencyMicros").path("count").asLong()).isEqualTo(2 * 20);
    assertThat(report.path("writerCpuMicrosPerWrite")).hasSize(2);
    assertThat(report.path("writesNotFit").asLong()).isZero();
    assertThat(report.path("warmUpSeconds").asInt()).isZero();
    assertThat(report.path("missingLines").asLong()).isZero();
  }

  @Test
  void aNegativeWarmUpIsRefused() {
    assertThat(bench("fanout", "--warm-up", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--warm-up >= 0");
  }

  @Test
  void anUnknownScenarioIsNamedWithTheKnownOnes() {
    assertThat(bench("storm")).isEqualTo(2);
    assertThat(err.toString()).contains("'storm'", "churn", "failover", "loopback");
  }

  @Test
  void churnWithJsonPrintsOneObjectWithItsFigures() {
    assertThat(bench("churn", "--clients", "3", "--rate", "4", "--duration", "1", "--stay", "0", "--json")).isZero();

    JsonNode report = JsonMapper.builder().build().readTree(out.toString());
    assertThat(report.path("scenario").asString()).isEqualTo("churn");
    assertThat(report.path("joins").asInt()).isEqualTo(4);
    assertThat(report.path("underProxy").asInt() + report.path("keptDirect").asInt()).isEqualTo(4);
    assertThat(report.path("joinToAttachedMicros").path("p99").asLong()).isPositive();
    assertThat(report.path("failed").asInt()).isZero();
  }
}

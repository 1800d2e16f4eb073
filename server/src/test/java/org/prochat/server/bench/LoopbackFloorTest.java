package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A short real loopback run: every line written is read and counted, and only the timed sockets' are timed. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopbackFloorTest {
  @Test
  void everySocketGetsEveryBroadcastAndOnlyTheTimedOnesAreTimed() throws Exception {
    LoopbackFloor.Plan plan = new LoopbackFloor.Plan(6, 2, 200, 1, 64, 2);

    LoopbackFloor.Result result = new LoopbackFloor(plan, 0).run();

    long broadcasts = 200;
    assertThat(result.deliveries()).isEqualTo(6 * broadcasts);
    assertThat(result.missingLines()).isZero();
    assertThat(result.latencyMicros().getTotalCount()).isEqualTo(2 * broadcasts);
    assertThat(result.spanMicros().getTotalCount()).isEqualTo(broadcasts);
    assertThat(result.notFit()).isZero();
    assertThat(result.writers()).hasSize(2)
        .allSatisfy(writer -> assertThat(writer.writes()).isEqualTo(3 * broadcasts));
    assertThat(result.seconds()).as("the schedule's second, started late at most").isGreaterThan(0.9);
    assertThat(result.lineBytes()).isEqualTo(LoopbackLine.forTextSize(64).length());
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().startsWith("bench-loopback"));
  }
}

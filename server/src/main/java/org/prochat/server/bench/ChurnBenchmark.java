package org.prochat.server.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.prochat.server.overlay.OverlayLimits;

/**
 * Churn: a room of relaying users, and newcomers arriving at a steady rate, each staying a while
 * and leaving, so the room keeps its size. Per newcomer, the time from opening its connection to
 * being placed: welcomed, offered proxies, probed them, assigned one and confirmed attached below
 * it, or told to stay direct. The coordinator runs in this JVM, over real loopback sockets; the
 * simulated users, relaying or new, share a few event loops, and the CPU each side used is reported.
 */
final class ChurnBenchmark {
  /** What to run: the standing room, joins per second, seconds of joins, seconds each newcomer stays. */
  record Plan(int clients, int rate, int seconds, int staySeconds, OverlayLimits limits) {
    int joins() {
      return rate * seconds;
    }
  }

  /**
   * What came out.
   *
   * @param joinsPerSecond placements per second, first to last
   * @param leavesPerSecond completed goodbyes per second, first to last
   * @param joinToPlacedMicros connection opened to attached (or kept direct), every placed newcomer
   * @param joinToWelcomeMicros connection opened to welcome, every welcomed newcomer
   * @param firstFailure why the first failed newcomer failed, or null
   * @param cpu CPU used from the first join until every newcomer had left
   * @param churnNanos how long that was
   */
  record Result(Plan plan, int underProxy, int keptDirect, int failed, int left, double joinsPerSecond,
      double leavesPerSecond, Histogram joinToPlacedMicros, Histogram joinToWelcomeMicros, String firstFailure,
      ThreadCpuMeter.Reading cpu, long churnNanos) {}

  private final Plan plan;

  ChurnBenchmark(Plan plan) {
    this.plan = plan;
  }

  Result run() throws Exception {
    try (BenchRoom room = BenchRoom.open(plan.limits(), plan.clients(), true, new Recorder(3))) {
      List<ChurnNewcomer> newcomers = new ArrayList<>();
      ThreadCpuMeter.Reading before = ThreadCpuMeter.now();
      SteadyRate pace = SteadyRate.startingNow(plan.rate());
      for (int i = 0; i < plan.joins(); i++) {
        pace.awaitTurn(i);
        newcomers.add(ChurnNewcomer.join(room.address(), "n" + i, room.userLoops(),
            Duration.ofSeconds(plan.staySeconds())));
      }
      awaitAll(newcomers);
      return result(newcomers, ThreadCpuMeter.now().minus(before), System.nanoTime() - pace.startNanos());
    }
  }

  /** Every newcomer has left or failed by itself within its own time limits; this bounds the wait all the same. */
  private void awaitAll(List<ChurnNewcomer> newcomers) throws InterruptedException {
    long limit = ChurnNewcomer.PLACE_TIMEOUT.toSeconds() + plan.staySeconds() + BenchWait.SETTLE.toSeconds();
    try {
      CompletableFuture.allOf(newcomers.stream().map(ChurnNewcomer::done).toArray(CompletableFuture[]::new))
          .get(limit, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException stillGoing) {
      // reported as they are: not placed, or not left
    }
  }

  private Result result(List<ChurnNewcomer> newcomers, ThreadCpuMeter.Reading cpu, long churnNanos) {
    Histogram placed = new Histogram(3);
    Histogram welcomed = new Histogram(3);
    int underProxy = 0;
    int keptDirect = 0;
    for (ChurnNewcomer n : newcomers) {
      if (n.welcomedAt() != 0) {
        welcomed.recordValue((n.welcomedAt() - n.startedAt()) / 1000);
      }
      if (n.placedAt() != 0) {
        placed.recordValue((n.placedAt() - n.startedAt()) / 1000);
        if (n.parent() != null) {
          underProxy++;
        } else {
          keptDirect++;
        }
      }
    }
    List<ChurnNewcomer> gone = newcomers.stream().filter(n -> n.leftAt() != 0).toList();
    return new Result(plan, underProxy, keptDirect, newcomers.size() - underProxy - keptDirect, gone.size(),
        perSecond(newcomers.stream().filter(n -> n.placedAt() != 0).toList(), ChurnNewcomer::placedAt),
        perSecond(gone, ChurnNewcomer::leftAt), placed, welcomed,
        newcomers.stream().map(ChurnNewcomer::failure).filter(Objects::nonNull).findFirst().orElse(null),
        cpu, churnNanos);
  }

  /** How many of these happened per second, from the first to the last (0 for fewer than two). */
  private static double perSecond(List<ChurnNewcomer> newcomers, ToLongFunction<ChurnNewcomer> when) {
    long first = newcomers.stream().mapToLong(when).min().orElse(0);
    long last = newcomers.stream().mapToLong(when).max().orElse(0);
    return last <= first ? 0 : (newcomers.size() - 1) / ((last - first) / 1e9);
  }
}

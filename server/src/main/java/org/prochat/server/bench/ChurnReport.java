package org.prochat.server.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.node.ObjectNode;

/** The churn figures as a table for people, or as one JSON object for scripts. */
final class ChurnReport {
  private ChurnReport() {}

  static String table(ChurnBenchmark.Result r) {
    ChurnBenchmark.Plan p = r.plan();
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "ProChat churn benchmark: %d relaying users stay; %d newcomers a second join for %d s, each leaves %d s"
        + " after it is placed; limits: %d children per proxy, %d root slots, depth %d; coordinator in this JVM,"
        + " users on %d threads; %d cores%n%n", p.clients(), p.rate(), p.seconds(), p.staySeconds(),
        p.limits().maxChildren(), p.limits().rootSlots(), p.limits().maxDepth(), SimulatedClientOptions.USER_THREADS,
        Runtime.getRuntime().availableProcessors()));
    String row = "| %-40s | %16s |%n";
    Histogram placed = r.joinToPlacedMicros();
    Histogram welcomed = r.joinToWelcomeMicros();
    out.append(String.format(Locale.ROOT, row, "", "measured"));
    out.append(String.format(Locale.ROOT, row, "-".repeat(40), "-".repeat(16)));
    out.append(String.format(Locale.ROOT, row, "joins per second (placed)", String.format(Locale.ROOT, "%.1f", r.joinsPerSecond())));
    out.append(String.format(Locale.ROOT, row, "leaves per second", String.format(Locale.ROOT, "%.1f", r.leavesPerSecond())));
    out.append(String.format(Locale.ROOT, row, "join to welcome p50 / p99 (ms)",
        ms(welcomed.getValueAtPercentile(50)) + " / " + ms(welcomed.getValueAtPercentile(99))));
    out.append(String.format(Locale.ROOT, row, "join to attached p50 (ms)", ms(placed.getValueAtPercentile(50))));
    out.append(String.format(Locale.ROOT, row, "join to attached p99 (ms)", ms(placed.getValueAtPercentile(99))));
    out.append(String.format(Locale.ROOT, row, "join to attached max (ms)", ms(placed.getMaxValue())));
    out.append(String.format(Locale.ROOT, row, "joins (below a proxy / kept direct)",
        p.joins() + " (" + r.underProxy() + " / " + r.keptDirect() + ")"));
    out.append(String.format(Locale.ROOT, row, "failed to join", r.failed()));
    out.append(String.format(Locale.ROOT, row, "CPU, cores: coordinator / users",
        cores(r.cpu().coordinatorNanos(), r) + " / " + cores(r.cpu().generatorNanos(), r)));
    out.append(String.format(Locale.ROOT, row, "CPU, cores: whole process", cores(r.cpu().processNanos(), r)));
    out.append(String.format(Locale.ROOT, row, "left", r.left()));
    if (r.firstFailure() != null) {
      out.append(String.format(Locale.ROOT, "%nfirst failure: %s%n", r.firstFailure()));
    }
    return out.toString();
  }

  static String json(ChurnBenchmark.Result r) {
    ChurnBenchmark.Plan p = r.plan();
    ObjectNode report = BenchJson.report("churn").put("clients", p.clients()).put("rate", p.rate())
        .put("seconds", p.seconds()).put("staySeconds", p.staySeconds()).put("joins", p.joins())
        .put("underProxy", r.underProxy()).put("keptDirect", r.keptDirect()).put("failed", r.failed())
        .put("left", r.left()).put("joinsPerSecond", tenths(r.joinsPerSecond())).put("leavesPerSecond", tenths(r.leavesPerSecond()));
    BenchJson.percentiles(report, "joinToAttachedMicros", r.joinToPlacedMicros());
    BenchJson.percentiles(report, "joinToWelcomeMicros", r.joinToWelcomeMicros());
    report.put("coordinatorCpuCores", hundredths(r.cpu().coordinatorNanos(), r))
        .put("generatorCpuCores", hundredths(r.cpu().generatorNanos(), r))
        .put("processCpuCores", hundredths(r.cpu().processNanos(), r));
    report.put("firstFailure", r.firstFailure());
    return BenchJson.write(report);
  }

  /** CPU time as cores busy on average over the churn. */
  private static String cores(long cpuNanos, ChurnBenchmark.Result r) {
    return String.format(Locale.ROOT, "%.2f", hundredths(cpuNanos, r));
  }

  private static double hundredths(long cpuNanos, ChurnBenchmark.Result r) {
    return Math.round(100.0 * cpuNanos / r.churnNanos()) / 100.0;
  }

  private static double tenths(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
  }
}

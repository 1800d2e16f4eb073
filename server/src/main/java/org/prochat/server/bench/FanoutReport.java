package org.prochat.server.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fan-out figures as a table for people, or as one JSON object for scripts: one column (or
 * object) per run, and with a plain and a sealed run the ratio the signing issue is judged by.
 */
final class FanoutReport {
  /** Sealed deliveries per second over plain at least: "within 30 %" of the unsigned path. */
  static final double SEALED_GOAL = 0.70;
  private static final int LABEL = 40;
  private static final int VALUE = 16;

  private FanoutReport() {}

  static String table(List<FanoutBenchmark.Result> runs, boolean ownProcess) {
    FanoutBenchmark.Plan p = runs.getFirst().plan();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "ProChat fanout benchmark: %d users, %d senders at %s, %d-byte texts,"
        + " %d s measured after %d s warm-up; coordinator %s; %d cores%n%n", p.clients(), p.senders(),
        p.rate() == 0 ? "full speed (" + FanoutLoad.IN_FLIGHT + " in flight each)" : p.rate() + " messages/s",
        p.size(), p.seconds(), p.warmUpSeconds(),
        ownProcess ? "in its own process (a fresh one per run)" : "given by --target",
        Runtime.getRuntime().availableProcessors()));
    row(out, "", runs, r -> r.plan().sealed() ? "sealed" : "plain");
    out.append(String.format(Locale.ROOT, "| %s |%s%n", "-".repeat(LABEL),
        (" " + "-".repeat(VALUE) + " |").repeat(runs.size())));
    row(out, "deliveries per second", runs, r -> String.format(Locale.ROOT, "%,.0f", r.deliveriesPerSecond()));
    row(out, "users timed", runs, r -> timed(r.plan()));
    row(out, "untimed users read", runs, r -> untimedRead(r.plan()));
    row(out, "users still connected at the end", runs, r -> r.connectedAtEnd() + " of " + r.plan().clients());
    row(out, "latency p50 (ms)", runs, r -> ms(r.latencyMicros().getValueAtPercentile(50)));
    row(out, "latency p99 (ms)", runs, r -> ms(r.latencyMicros().getValueAtPercentile(99)));
    row(out, "latency p99.9 (ms)", runs, r -> ms(r.latencyMicros().getValueAtPercentile(99.9)));
    row(out, "latency max (ms)", runs, r -> ms(r.latencyMicros().getMaxValue()));
    row(out, "coordinator CPU (% of one core)", runs, r -> percent(r.coordinatorCpuPercent()));
    row(out, "deliveries per coordinator CPU-second", runs, r -> r.deliveriesPerCpuSecond() < 0 ? "n/a"
        : String.format(Locale.ROOT, "%,.0f", r.deliveriesPerCpuSecond()));
    row(out, "generator CPU (% of one core)", runs, r -> percent(r.generatorCpuPercent()));
    row(out, "coordinator bytes out per broadcast", runs, r -> r.bytesPerBroadcast() < 0 ? "n/a"
        : String.format(Locale.ROOT, "%,.0f", r.bytesPerBroadcast()));
    row(out, "coordinator resident memory (MiB)", runs, r -> r.coordinatorRssBytes() < 0 ? "n/a"
        : String.valueOf(r.coordinatorRssBytes() / (1024 * 1024)));
    if (runs.stream().anyMatch(r -> r.verification() != null)) {
      row(out, "checkpoints per second, per user", runs, verified(v -> fixed(v.checkpointsPerSecond(), 1)));
      row(out, "checkpoint check, median (us)", runs, verified(v -> fixed(v.checkpointMicros(), 1)));
      row(out, "chain hash per event, median (us)", runs, verified(v -> fixed(v.hashMicros(), 2)));
      row(out, "verifying per delivered event (us)", runs, verified(v -> fixed(v.perFrameMicros(), 2)));
      row(out, "a client's CPU to verify (% of core)", runs, verified(v -> fixed(v.clientCpuPercent(), 1)));
    }
    ratio(runs, FanoutBenchmark.Result::deliveriesPerSecond).ifPresent(ratio -> out.append(String.format(Locale.ROOT,
        "%nsealed / plain deliveries per second: %.2f (goal: at least %.2f)%n", ratio, SEALED_GOAL)));
    ratio(runs, FanoutBenchmark.Result::deliveriesPerCpuSecond).ifPresent(ratio -> out.append(String.format(Locale.ROOT,
        "sealed / plain deliveries per coordinator CPU-second: %.2f (steadier on a busy machine)%n", ratio)));
    return out.toString();
  }

  static String json(List<FanoutBenchmark.Result> runs, boolean ownProcess) {
    if (runs.size() == 1) {
      return BenchJson.write(run(runs.getFirst(), ownProcess));
    }
    ObjectNode report = BenchJson.report("fanout");
    runs.forEach(r -> report.set(r.plan().sealed() ? "sealed" : "plain", run(r, ownProcess)));
    ratio(runs, FanoutBenchmark.Result::deliveriesPerSecond).ifPresent(ratio -> report.put("sealedToPlain", ratio));
    ratio(runs, FanoutBenchmark.Result::deliveriesPerCpuSecond)
        .ifPresent(ratio -> report.put("sealedToPlainPerCpuSecond", ratio));
    return BenchJson.write(report);
  }

  private static ObjectNode run(FanoutBenchmark.Result r, boolean ownProcess) {
    FanoutBenchmark.Plan p = r.plan();
    Histogram l = r.latencyMicros();
    ObjectNode report = BenchJson.report("fanout").put("sealed", p.sealed()).put("clients", p.clients())
        .put("senders", p.senders()).put("rate", p.rate()).put("size", p.size()).put("seconds", p.seconds())
        .put("warmUpSeconds", p.warmUpSeconds())
        .put("timedUsers", p.timedUsers()).put("untimedDrained", p.drainsUntimed()).put("ownProcess", ownProcess)
        .put("connectedAtEnd", r.connectedAtEnd())
        .put("deliveriesPerSecond", Math.round(r.deliveriesPerSecond()));
    report.putObject("latencyMicros").put("p50", l.getValueAtPercentile(50)).put("p99", l.getValueAtPercentile(99))
        .put("p999", l.getValueAtPercentile(99.9)).put("max", l.getMaxValue());
    report.put("coordinatorCpuPercent", r.coordinatorCpuPercent())
        .put("deliveriesPerCpuSecond", Math.round(r.deliveriesPerCpuSecond()))
        .put("generatorCpuPercent", r.generatorCpuPercent()).put("bytesPerBroadcast", Math.round(r.bytesPerBroadcast()))
        .put("coordinatorRssBytes", r.coordinatorRssBytes());
    FanoutVerifyCost v = r.verification();
    if (v != null) {
      report.putObject("verification").put("checkpointsPerSecond", v.checkpointsPerSecond())
          .put("eventsPerSecond", v.eventsPerSecond()).put("checkpointMicros", v.checkpointMicros())
          .put("hashMicros", v.hashMicros()).put("perFrameMicros", v.perFrameMicros())
          .put("clientCpuPercent", v.clientCpuPercent());
    }
    return report;
  }

  /** A figure of the sealed run over the plain run's, when the runs have one of each and both know it. */
  private static Optional<Double> ratio(List<FanoutBenchmark.Result> runs,
      ToDoubleFunction<FanoutBenchmark.Result> figure) {
    Optional<FanoutBenchmark.Result> plain = runs.stream().filter(r -> !r.plan().sealed()).findFirst();
    Optional<FanoutBenchmark.Result> sealed = runs.stream().filter(r -> r.plan().sealed()).findFirst();
    if (plain.isEmpty() || sealed.isEmpty() || figure.applyAsDouble(plain.get()) <= 0
        || figure.applyAsDouble(sealed.get()) < 0) {
      return Optional.empty();
    }
    return Optional.of(figure.applyAsDouble(sealed.get()) / figure.applyAsDouble(plain.get()));
  }

  private static void row(StringBuilder out, String label, List<FanoutBenchmark.Result> runs,
      Function<FanoutBenchmark.Result, String> value) {
    out.append(String.format(Locale.ROOT, "| %-" + LABEL + "s |", label));
    runs.forEach(r -> out.append(String.format(Locale.ROOT, " %" + VALUE + "s |", value.apply(r))));
    out.append(System.lineSeparator());
  }

  /** A verification figure of a sealed run; a dash for a plain one, which has none. */
  private static Function<FanoutBenchmark.Result, String> verified(Function<FanoutVerifyCost, String> figure) {
    return r -> r.verification() == null ? "-" : figure.apply(r.verification());
  }

  private static String fixed(double value, int decimals) {
    return value < 0 ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  /** The latency rows' users: all of them, or a sample (the rest only counted). */
  private static String timed(FanoutBenchmark.Plan p) {
    return p.timedUsers() == p.clients() ? "all " + p.clients() : p.timedUsers() + " of " + p.clients();
  }

  /** How the links of users that are not timed are read: in rounds, or (full speed) as data comes. */
  private static String untimedRead(FanoutBenchmark.Plan p) {
    if (p.timedUsers() == p.clients()) {
      return "-";
    }
    return p.drainsUntimed() ? "every " + FanoutDrain.INTERVAL_MILLIS + " ms" : "as data comes";
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
  }

  private static String percent(double value) {
    return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
  }

  static String idleTable(IdleBenchmark.Result r) {
    String row = "| %-40s | %14s |%n";
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "ProChat idle benchmark: %d users connected and silent for %d s; coordinator in its own process%n%n",
        r.clients(), r.seconds()));
    out.append(String.format(Locale.ROOT, row, "", "measured"));
    out.append(String.format(Locale.ROOT, row, "-".repeat(40), "-".repeat(14)));
    out.append(String.format(Locale.ROOT, row, "join storm, to the last welcome (ms)",
        String.format(Locale.ROOT, "%,d", r.joinMillis())));
    out.append(String.format(Locale.ROOT, row, "still connected at the end", r.stillConnected() + " of " + r.clients()));
    out.append(String.format(Locale.ROOT, row, "coordinator heap per connection (bytes)", bytes(r.heapPerConnection())));
    out.append(String.format(Locale.ROOT, row, "coordinator RSS per connection (bytes)", bytes(r.rssPerConnection())));
    out.append(String.format(Locale.ROOT, row, "coordinator heap, idle -> loaded (MiB)",
        mib(r.heapBaseline()) + " -> " + mib(r.heapLoaded())));
    out.append(String.format(Locale.ROOT, row, "coordinator RSS, idle -> loaded (MiB)",
        mib(r.rssBaseline()) + " -> " + mib(r.rssLoaded())));
    return out.toString();
  }

  static String idleJson(IdleBenchmark.Result r) {
    return String.format(Locale.ROOT, "{\"scenario\":\"idle\",\"clients\":%d,\"stillConnected\":%d,\"joinMillis\":%d,"
        + "\"seconds\":%d,\"heapPerConnection\":%.0f,\"rssPerConnection\":%.0f,\"heapBaseline\":%d,\"heapLoaded\":%d,"
        + "\"rssBaseline\":%d,\"rssLoaded\":%d}", r.clients(), r.stillConnected(), r.joinMillis(), r.seconds(),
        r.heapPerConnection(), r.rssPerConnection(), r.heapBaseline(), r.heapLoaded(), r.rssBaseline(), r.rssLoaded());
  }

  private static String bytes(double value) {
    return value < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String mib(long value) {
    return value < 0 ? "n/a" : String.valueOf(value / (1024 * 1024));
  }
}

package org.prochat.server.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The fan-out figures as a table for people, or as one JSON object for scripts. */
final class FanoutReport {
  private FanoutReport() {}

  static String table(FanoutBenchmark.Result r, boolean ownProcess) {
    FanoutBenchmark.Plan p = r.plan();
    Histogram l = r.latencyMicros();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "ProChat fanout benchmark: %d users, %d senders at %s, %d-byte texts,"
        + " %d s measured after %d s warm-up; coordinator %s; %d cores%n%n", p.clients(), p.senders(),
        p.rate() == 0 ? "full speed (" + FanoutLoad.IN_FLIGHT + " in flight each)" : p.rate() + " messages/s",
        p.size(), p.seconds(), FanoutBenchmark.WARM_UP_SECONDS, ownProcess ? "in its own process" : "given by --target",
        Runtime.getRuntime().availableProcessors()));
    String row = "| %-36s | %16s |%n";
    out.append(String.format(Locale.ROOT, row, "", "measured"));
    out.append(String.format(Locale.ROOT, row, "-".repeat(36), "-".repeat(16)));
    out.append(String.format(Locale.ROOT, row, "deliveries per second", String.format(Locale.ROOT, "%,.0f", r.deliveriesPerSecond())));
    out.append(String.format(Locale.ROOT, row, "latency p50 (ms)", ms(l.getValueAtPercentile(50))));
    out.append(String.format(Locale.ROOT, row, "latency p99 (ms)", ms(l.getValueAtPercentile(99))));
    out.append(String.format(Locale.ROOT, row, "latency p99.9 (ms)", ms(l.getValueAtPercentile(99.9))));
    out.append(String.format(Locale.ROOT, row, "latency max (ms)", ms(l.getMaxValue())));
    out.append(String.format(Locale.ROOT, row, "coordinator CPU (% of one core)", percent(r.coordinatorCpuPercent())));
    out.append(String.format(Locale.ROOT, row, "generator CPU (% of one core)", percent(r.generatorCpuPercent())));
    out.append(String.format(Locale.ROOT, row, "coordinator bytes out per broadcast",
        r.bytesPerBroadcast() < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", r.bytesPerBroadcast())));
    out.append(String.format(Locale.ROOT, row, "coordinator resident memory (MiB)",
        r.coordinatorRssBytes() < 0 ? "n/a" : String.valueOf(r.coordinatorRssBytes() / (1024 * 1024))));
    return out.toString();
  }

  static String json(FanoutBenchmark.Result r, boolean ownProcess) {
    FanoutBenchmark.Plan p = r.plan();
    Histogram l = r.latencyMicros();
    return String.format(Locale.ROOT, "{\"scenario\":\"fanout\",\"clients\":%d,\"senders\":%d,\"rate\":%d,\"size\":%d,"
        + "\"seconds\":%d,\"ownProcess\":%b,\"deliveriesPerSecond\":%.0f,\"latencyMicros\":{\"p50\":%d,\"p99\":%d,"
        + "\"p999\":%d,\"max\":%d},\"coordinatorCpuPercent\":%.1f,\"generatorCpuPercent\":%.1f,"
        + "\"bytesPerBroadcast\":%.0f,\"coordinatorRssBytes\":%d}",
        p.clients(), p.senders(), p.rate(), p.size(), p.seconds(), ownProcess, r.deliveriesPerSecond(),
        l.getValueAtPercentile(50), l.getValueAtPercentile(99), l.getValueAtPercentile(99.9), l.getMaxValue(),
        r.coordinatorCpuPercent(), r.generatorCpuPercent(), r.bytesPerBroadcast(), r.coordinatorRssBytes());
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
    return String.format(Locale.ROOT, "{\"scenario\":\"idle\",\"clients\":%d,\"stillConnected\":%d,\"seconds\":%d,"
        + "\"heapPerConnection\":%.0f,\"rssPerConnection\":%.0f,\"heapBaseline\":%d,\"heapLoaded\":%d,"
        + "\"rssBaseline\":%d,\"rssLoaded\":%d}", r.clients(), r.stillConnected(), r.seconds(), r.heapPerConnection(),
        r.rssPerConnection(), r.heapBaseline(), r.heapLoaded(), r.rssBaseline(), r.rssLoaded());
  }

  private static String bytes(double value) {
    return value < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String mib(long value) {
    return value < 0 ? "n/a" : String.valueOf(value / (1024 * 1024));
  }
}

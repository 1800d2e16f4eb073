package org.prochat.server.bench;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The loopback figures as a table for people, or as one JSON object for scripts. */
final class LoopbackReport {
  private static final String ROW = "| %-44s | %14s |%n";

  private LoopbackReport() {}

  static String table(LoopbackFloor.Result r) {
    LoopbackFloor.Plan p = r.plan();
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "ProChat loopback floor: %d sockets over"
        + " 127.0.0.1, %d writer thread%s, %d broadcasts/s of a %d-byte line (the message event of a %d-byte text),"
        + " %d s measured after %d s warm-up; plain java.nio, no coordinator; %d cores%n%n", p.sockets(), p.writers(),
        p.writers() == 1 ? "" : "s", p.rate(), r.lineBytes(), p.size(), p.seconds(), r.warmUpSeconds(),
        Runtime.getRuntime().availableProcessors()));
    row(out, "", "measured");
    row(out, "-".repeat(44), "-".repeat(14));
    row(out, "deliveries per second", String.format(Locale.ROOT, "%,.0f", r.deliveriesPerSecond()));
    row(out, "sockets timed (others drained every " + FanoutDrain.INTERVAL_MILLIS + " ms)",
        p.timedSockets() == p.sockets() ? "all " + p.sockets() : p.timedSockets() + " of " + p.sockets());
    row(out, "latency p50 (ms)", ms(r.latencyMicros().getValueAtPercentile(50)));
    row(out, "latency p99 (ms)", ms(r.latencyMicros().getValueAtPercentile(99)));
    row(out, "latency p99.9 (ms)", ms(r.latencyMicros().getValueAtPercentile(99.9)));
    row(out, "latency max (ms)", ms(r.latencyMicros().getMaxValue()));
    List<LoopbackWriter.Tally> writers = r.writers();
    for (int w = 0; w < writers.size(); w++) {
      row(out, "writer " + (w + 1) + " CPU per write, user+kernel (us)",
          String.format(Locale.ROOT, "%.2f", writers.get(w).cpuMicrosPerWrite()));
    }
    row(out, "reader CPU (% of one core)", String.format(Locale.ROOT, "%.0f", r.readerCpuPercent()));
    row(out, "broadcast write span p50 (ms)", ms(r.spanMicros().getValueAtPercentile(50)));
    row(out, "broadcast write span p99 (ms)", ms(r.spanMicros().getValueAtPercentile(99)));
    row(out, "writes that did not fit (expected 0)", String.valueOf(r.notFit()));
    row(out, "lines never read (expected 0)", String.valueOf(r.missingLines()));
    out.append(String.format(Locale.ROOT, "%nwrite span: from a broadcast's stamp to the last socket written by the"
        + " slowest writer.%nA write that does not fit is cut short (and garbles that socket's next line); it never"
        + " happens at sane settings:%na socket's buffer holds hundreds of lines and the reader empties each one"
        + " every %d ms at least.%n", FanoutDrain.INTERVAL_MILLIS));
    return out.toString();
  }

  static String json(LoopbackFloor.Result r) {
    LoopbackFloor.Plan p = r.plan();
    Histogram l = r.latencyMicros();
    ObjectNode report = BenchJson.report("loopback").put("sockets", p.sockets()).put("writers", p.writers())
        .put("rate", p.rate()).put("size", p.size()).put("lineBytes", r.lineBytes()).put("seconds", p.seconds())
        .put("warmUpSeconds", r.warmUpSeconds())
        .put("timedSockets", p.timedSockets()).put("deliveries", r.deliveries())
        .put("deliveriesPerSecond", Math.round(r.deliveriesPerSecond()));
    report.putObject("latencyMicros").put("p50", l.getValueAtPercentile(50)).put("p99", l.getValueAtPercentile(99))
        .put("p999", l.getValueAtPercentile(99.9)).put("max", l.getMaxValue()).put("count", l.getTotalCount());
    ArrayNode perWrite = report.putArray("writerCpuMicrosPerWrite");
    r.writers().forEach(w -> perWrite.add(w.cpuMicrosPerWrite()));
    report.put("readerCpuPercent", r.readerCpuPercent());
    BenchJson.percentiles(report, "writeSpanMicros", r.spanMicros());
    return BenchJson.write(report.put("writesNotFit", r.notFit()).put("missingLines", r.missingLines()));
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, ROW, label, value));
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
  }
}

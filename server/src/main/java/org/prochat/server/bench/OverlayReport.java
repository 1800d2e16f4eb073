package org.prochat.server.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The overlay figures as a table: the two arrangements side by side, then the failover in the tree. */
final class OverlayReport {
  private OverlayReport() {}

  static String heading(OverlayBenchmark.Plan p) {
    return String.format(Locale.ROOT, "ProChat overlay benchmark: %d users, %d messages of %d bytes from %d senders at %s%n"
        + "limits: %d children per proxy, %d root slots, depth %d; %d cores%n", p.clients(), p.messages(), p.size(),
        p.senders(), p.rate() == 0 ? "full speed" : p.rate() + "/s", p.limits().maxChildren(), p.limits().rootSlots(),
        p.limits().maxDepth(), Runtime.getRuntime().availableProcessors());
  }

  static String table(OverlayBenchmark.Phase direct, OverlayBenchmark.TreeRun treeRun) {
    OverlayBenchmark.Phase tree = treeRun.phase();
    String row = "| %-38s | %14s | %14s |%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, row, "", direct.name(), tree.name()));
    out.append(String.format(Locale.ROOT, row, "-".repeat(38), "-".repeat(14), "-".repeat(14)));
    out.append(String.format(Locale.ROOT, row, "coordinator bytes out per broadcast", f0(direct.bytesPerBroadcast()),
        f0(tree.bytesPerBroadcast())));
    out.append(String.format(Locale.ROOT, row, "links written per broadcast", direct.directLinks(), tree.directLinks()));
    out.append(String.format(Locale.ROOT, row, "frame size (bytes)", f0(direct.frameBytes()), f0(tree.frameBytes())));
    out.append(String.format(Locale.ROOT, row, "tree depth", direct.maxDepth(), tree.maxDepth()));
    out.append(String.format(Locale.ROOT, row, "deliveries (expected)",
        direct.deliveries() + " (" + direct.expectedDeliveries() + ")", tree.deliveries() + " (" + tree.expectedDeliveries() + ")"));
    out.append(String.format(Locale.ROOT, row, "end-to-end latency p50 (ms)", ms(direct.latencyMicros(), 50),
        ms(tree.latencyMicros(), 50)));
    out.append(String.format(Locale.ROOT, row, "end-to-end latency p99 (ms)", ms(direct.latencyMicros(), 99),
        ms(tree.latencyMicros(), 99)));
    out.append(String.format(Locale.ROOT, row, "end-to-end latency max (ms)", ms(direct.latencyMicros(), 100),
        ms(tree.latencyMicros(), 100)));
    out.append(String.format(Locale.ROOT, row, "duplicates / gaps seen", direct.duplicates() + " / " + direct.gaps(),
        tree.duplicates() + " / " + tree.gaps()));
    out.append(String.format(Locale.ROOT, "%nA proxy killed in the tree while messages flow:%n%n"));
    out.append(FailoverReport.table(treeRun.failover()));
    return out.toString();
  }

  private static String f0(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private static String ms(Histogram micros, double percentile) {
    long value = percentile >= 100 ? micros.getMaxValue() : micros.getValueAtPercentile(percentile);
    return String.format(Locale.ROOT, "%.2f", value / 1000.0);
  }
}

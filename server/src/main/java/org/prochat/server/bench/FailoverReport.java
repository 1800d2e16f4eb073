package org.prochat.server.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.prochat.server.overlay.OverlayLimits;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a {@link FailoverDrill} did, as a table for people (also the tail of the overlay report) or
 * as one JSON object for scripts.
 */
final class FailoverReport {
  private FailoverReport() {}

  /** The failover scenario's first lines. */
  static String heading(FailoverDrill.Result r, int clients, FailoverDrill.Plan p, OverlayLimits limits) {
    return String.format(Locale.ROOT, "ProChat failover benchmark: %d users in the proxy tree (depth %d; %d children"
        + " per proxy, %d root slots, depth limit %d), %d senders at %d messages/s of %d bytes; %d proxies killed one"
        + " after another, each once the users below the one before were caught up; coordinator in this JVM;"
        + " %d cores%n%n", clients, r.treeDepth(), limits.maxChildren(), limits.rootSlots(), limits.maxDepth(),
        p.senders(), p.rate(), p.size(), p.kills(), Runtime.getRuntime().availableProcessors());
  }

  static String table(FailoverDrill.Result r) {
    String row = "| %-5s | %-10s | %11s | %17s | %8s | %8s | %12s |%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, row, "kill", "proxy", "users below", "catch-up p50 (ms)", "p99 (ms)",
        "max (ms)", "still behind"));
    out.append(String.format(Locale.ROOT, row, "-".repeat(5), "-".repeat(10), "-".repeat(11), "-".repeat(17),
        "-".repeat(8), "-".repeat(8), "-".repeat(12)));
    for (int i = 0; i < r.kills().size(); i++) {
      FailoverDrill.Kill k = r.kills().get(i);
      out.append(catchUpRow(row, String.valueOf(i + 1), k.proxy(), k.descendants(), k.catchUpMillis(), k.stillBehind()));
    }
    if (r.kills().size() > 1) {
      out.append(catchUpRow(row, "all", "", r.kills().stream().mapToInt(FailoverDrill.Kill::descendants).sum(),
          r.catchUpMillis(), r.stillBehind()));
    }
    out.append(String.format(Locale.ROOT, "%nmessages acknowledged: %,d (never acknowledged: %d)%n",
        r.acknowledged(), r.unacknowledged()));
    out.append(String.format(Locale.ROOT, "lost: %d of %,d deliveries; duplicates shown: %d; gaps shown: %d%n",
        r.lost(), r.expectedDeliveries(), r.duplicates(), r.gaps()));
    return out.toString();
  }

  private static String catchUpRow(String row, String kill, String proxy, int descendants, Histogram catchUp,
      long behind) {
    return String.format(Locale.ROOT, row, kill, proxy, descendants, catchUp.getValueAtPercentile(50),
        catchUp.getValueAtPercentile(99), catchUp.getMaxValue(), behind);
  }

  static String json(FailoverDrill.Result r, int clients, FailoverDrill.Plan p) {
    ObjectNode report = BenchJson.report("failover").put("clients", clients).put("treeDepth", r.treeDepth())
        .put("senders", p.senders()).put("rate", p.rate()).put("size", p.size());
    ArrayNode kills = report.putArray("kills");
    for (FailoverDrill.Kill k : r.kills()) {
      ObjectNode kill = kills.addObject().put("proxy", k.proxy()).put("descendants", k.descendants())
          .put("stillBehind", k.stillBehind());
      BenchJson.percentiles(kill, "catchUpMillis", k.catchUpMillis());
    }
    BenchJson.percentiles(report, "catchUpMillis", r.catchUpMillis());
    report.put("stillBehind", r.stillBehind()).put("acknowledged", r.acknowledged())
        .put("unacknowledged", r.unacknowledged()).put("expectedDeliveries", r.expectedDeliveries())
        .put("lost", r.lost()).put("duplicates", r.duplicates()).put("gaps", r.gaps());
    return BenchJson.write(report);
  }
}

package org.prochat.server.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.prochat.server.overlay.OverlayLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prochat-server bench overlay}: runs a benchmark and prints a table. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs a benchmark against a coordinator started in this JVM and prints a table.%n"
        + "Scenarios: overlay (the same users all direct, then in the proxy tree, then a proxy killed).")
public final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario to run: overlay.")
  String scenario;

  @Option(names = "--clients", defaultValue = "200", description = "Simulated users. Default: ${DEFAULT-VALUE}.")
  int clients;

  @Option(names = "--senders", defaultValue = "10", description = "How many of them post. Default: ${DEFAULT-VALUE}.")
  int senders;

  @Option(names = "--rate", defaultValue = "50",
      description = "Messages per second, all senders together; 0 = as fast as possible. Default: ${DEFAULT-VALUE}.")
  int rate;

  @Option(names = "--messages", defaultValue = "200", description = "Messages posted per phase. Default: ${DEFAULT-VALUE}.")
  int messages;

  @Option(names = "--size", defaultValue = "64", description = "Message text size in bytes. Default: ${DEFAULT-VALUE}.")
  int size;

  @Option(names = "--max-children", defaultValue = "4", description = "Children per proxy. Default: ${DEFAULT-VALUE}.")
  int maxChildren;

  @Option(names = "--root-slots", defaultValue = "64", description = "Direct children of the coordinator. Default: ${DEFAULT-VALUE}.")
  int rootSlots;

  @Option(names = "--max-depth", defaultValue = "6", description = "Tree depth. Default: ${DEFAULT-VALUE}.")
  int maxDepth;

  @Override
  public Integer call() throws Exception {
    if (!scenario.equals("overlay")) {
      spec.commandLine().getErr().println("prochat-server bench: unknown scenario '" + scenario + "' (scenarios: overlay)");
      return 2;
    }
    if (clients < 2 || senders < 1 || senders > clients || messages < 1 || size < 16 || rate < 0) {
      spec.commandLine().getErr().println(
          "prochat-server bench: need --clients >= 2, 1 <= --senders <= --clients, --messages >= 1, --size >= 16, --rate >= 0");
      return 2;
    }
    OverlayBenchmark bench = new OverlayBenchmark(new OverlayBenchmark.Plan(clients, senders, rate, messages, size,
        new OverlayLimits(maxChildren, rootSlots, maxDepth, Duration.ofSeconds(20))));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "ProChat overlay benchmark: %d users, %d messages of %d bytes from %d senders at %s%n",
        clients, messages, size, senders, rate == 0 ? "full speed" : rate + "/s");
    out.printf(Locale.ROOT, "limits: %d children per proxy, %d root slots, depth %d; %d cores%n%n", maxChildren, rootSlots,
        maxDepth, Runtime.getRuntime().availableProcessors());
    out.flush();
    OverlayBenchmark.Phase direct = bench.direct();
    OverlayBenchmark.TreeRun tree = bench.tree();
    print(out, direct, tree.phase(), tree.failover());
    return 0;
  }

  private static void print(PrintWriter out, OverlayBenchmark.Phase direct, OverlayBenchmark.Phase tree,
      OverlayBenchmark.Failover failover) {
    String row = "| %-38s | %14s | %14s |%n";
    out.printf(Locale.ROOT, row, "", direct.name(), tree.name());
    out.printf(Locale.ROOT, row, "-".repeat(38), "-".repeat(14), "-".repeat(14));
    out.printf(Locale.ROOT, row, "coordinator bytes out per broadcast", f0(direct.bytesPerBroadcast()), f0(tree.bytesPerBroadcast()));
    out.printf(Locale.ROOT, row, "links written per broadcast", direct.directLinks(), tree.directLinks());
    out.printf(Locale.ROOT, row, "frame size (bytes)", f0(direct.frameBytes()), f0(tree.frameBytes()));
    out.printf(Locale.ROOT, row, "tree depth", direct.maxDepth(), tree.maxDepth());
    out.printf(Locale.ROOT, row, "deliveries (expected)", direct.deliveries() + " (" + direct.expectedDeliveries() + ")",
        tree.deliveries() + " (" + tree.expectedDeliveries() + ")");
    out.printf(Locale.ROOT, row, "end-to-end latency p50 (ms)", ms(direct.latencyMicros(), 50), ms(tree.latencyMicros(), 50));
    out.printf(Locale.ROOT, row, "end-to-end latency p99 (ms)", ms(direct.latencyMicros(), 99), ms(tree.latencyMicros(), 99));
    out.printf(Locale.ROOT, row, "end-to-end latency max (ms)", ms(direct.latencyMicros(), 100), ms(tree.latencyMicros(), 100));
    out.printf(Locale.ROOT, row, "duplicates / gaps seen", direct.duplicates() + " / " + direct.gaps(),
        tree.duplicates() + " / " + tree.gaps());
    out.printf(Locale.ROOT, "%nProxy %s killed with %d users below it:%n", failover.proxy(), failover.descendants());
    Histogram c = failover.catchUpMillis();
    out.printf(Locale.ROOT, "  back and caught up: p50 %d ms, p99 %d ms, max %d ms; still behind after 60 s: %d%n",
        c.getValueAtPercentile(50), c.getValueAtPercentile(99), c.getMaxValue(), failover.stillBehind());
    out.printf(Locale.ROOT, "  duplicates shown: %d, gaps shown: %d%n", failover.duplicates(), failover.gaps());
    out.flush();
  }

  private static String f0(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private static String ms(Histogram micros, double percentile) {
    long value = percentile >= 100 ? micros.getMaxValue() : micros.getValueAtPercentile(percentile);
    return String.format(Locale.ROOT, "%.2f", value / 1000.0);
  }
}

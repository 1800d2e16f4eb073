package org.prochat.server.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.prochat.client.ServerAddress;
import org.prochat.server.overlay.OverlayLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prochat-server bench SCENARIO}: runs a benchmark and prints a table (or JSON). */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs a benchmark and prints a table.%n"
        + "Scenarios:%n"
        + "  fanout   users in one room, some posting: deliveries/s, latency, CPU, bytes per broadcast;%n"
        + "           the coordinator runs as a separate program (or --target)%n"
        + "  idle     users connected and silent: coordinator heap and RSS per connection%n"
        + "  overlay  the same users all direct, then in the proxy tree, then a proxy killed;%n"
        + "           the coordinator runs in this JVM%n")
public final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario to run: fanout or overlay.")
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

  @Option(names = "--duration", defaultValue = "10",
      description = "fanout: seconds measured, after a warm-up. Default: ${DEFAULT-VALUE}.")
  int duration;

  @Option(names = "--target", paramLabel = "HOST:PORT",
      description = "fanout: drive this running coordinator instead of starting one (no CPU figure then).")
  String target;

  @Option(names = "--target-http-port", paramLabel = "PORT", defaultValue = "9080",
      description = "fanout with --target: its web view port, for its stats. Default: ${DEFAULT-VALUE}.")
  int targetHttpPort;

  @Option(names = "--admin-token", paramLabel = "TOKEN",
      description = "fanout with --target: its admin token, for its stats (bytes per broadcast).")
  String adminToken;

  @Option(names = "--json", description = "Print one JSON object with the figures instead of a table.")
  boolean json;

  @Option(names = "--max-children", defaultValue = "4", description = "Children per proxy. Default: ${DEFAULT-VALUE}.")
  int maxChildren;

  @Option(names = "--root-slots", defaultValue = "64", description = "Direct children of the coordinator. Default: ${DEFAULT-VALUE}.")
  int rootSlots;

  @Option(names = "--max-depth", defaultValue = "6", description = "Tree depth. Default: ${DEFAULT-VALUE}.")
  int maxDepth;

  @Override
  public Integer call() throws Exception {
    if (clients < 2 || senders < 1 || senders > clients || messages < 1 || size < 32 || rate < 0 || duration < 1) {
      return usage("need --clients >= 2, 1 <= --senders <= --clients, --messages >= 1, --size >= 32, --rate >= 0,"
          + " --duration >= 1");
    }
    return switch (scenario) {
      case "overlay" -> overlay();
      case "fanout" -> fanout();
      case "idle" -> idle();
      default -> usage("unknown scenario '" + scenario + "' (scenarios: fanout, idle, overlay)");
    };
  }

  private int usage(String problem) {
    spec.commandLine().getErr().println("prochat-server bench: " + problem);
    return 2;
  }

  private int fanout() throws Exception {
    FanoutBenchmark.Plan plan = new FanoutBenchmark.Plan(clients, senders, rate, duration, size);
    return withCoordinator(coordinator -> {
      FanoutBenchmark.Result result = new FanoutBenchmark(plan).run(coordinator);
      return json ? FanoutReport.json(result, target == null) : FanoutReport.table(result, target == null);
    });
  }

  private int idle() throws Exception {
    return withCoordinator(coordinator -> {
      IdleBenchmark.Result result = new IdleBenchmark(clients, duration).run(coordinator);
      return json ? FanoutReport.idleJson(result) : FanoutReport.idleTable(result);
    });
  }

  /** Runs a scenario against the --target coordinator, or one started from this jar, and prints its report. */
  private int withCoordinator(Scenario scenario) throws Exception {
    CoordinatorProcess coordinator;
    if (target != null) {
      ServerAddress address;
      try {
        address = ServerAddress.parse(target);
      } catch (IllegalArgumentException e) {
        return usage("--target: " + e.getMessage());
      }
      coordinator = CoordinatorProcess.attach(address.host(), address.port(), targetHttpPort, adminToken);
    } else {
      Path jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        return usage("run the bench from prochat-server.jar (it starts that jar as the coordinator), or use --target");
      }
      coordinator = CoordinatorProcess.start(jar);
    }
    try (coordinator) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(scenario.run(coordinator));
      out.flush();
    }
    return 0;
  }

  /** One scenario against a coordinator, returning its report. */
  private interface Scenario {
    String run(CoordinatorProcess coordinator) throws Exception;
  }

  private int overlay() throws Exception {
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

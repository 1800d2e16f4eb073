package org.prochat.server.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.HdrHistogram.Recorder;
import org.prochat.client.ServerAddress;
import org.prochat.server.overlay.OverlayLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prochat-server bench SCENARIO}: runs a benchmark and prints a table (or JSON). */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs a benchmark and prints a table (--json: one JSON object).%n"
        + "Scenarios:%n"
        + "  fanout    users in one room, some posting: deliveries/s, latency, CPU,%n"
        + "            bytes per broadcast; the coordinator runs as a separate program%n"
        + "            (or --target). --sealed: sealed sessions, and what verifying%n"
        + "            the signed chain costs a client; --compare-sealed: plain, then%n"
        + "            sealed, and their ratio. Latency is timed on --timed users; the%n"
        + "            others are counted, and at a set rate their links are drained%n"
        + "            every 50 ms%n"
        + "  idle      users connected and silent: coordinator heap and RSS per%n"
        + "            connection%n"
        + "  overlay   the same users all direct, then in the proxy tree, then a proxy%n"
        + "            killed; the coordinator runs in this JVM%n"
        + "  churn     --clients relaying users stay while newcomers join at --rate a%n"
        + "            second for --duration s, each leaving --stay s after it is%n"
        + "            placed: joins and leaves per second, join-to-attached latency%n"
        + "            (probes included); the coordinator runs in this JVM%n"
        + "  failover  the proxy tree under a steady load (--senders at --rate), and%n"
        + "            --kills proxies killed one after another: catch-up time of every%n"
        + "            user below them, messages lost, duplicates shown; the%n"
        + "            coordinator runs in this JVM%n"
        + "  loopback  the fan-out's steady load without ProChat: --writers threads write%n"
        + "            a message-sized line per broadcast (--rate a second) to each of%n"
        + "            --clients sockets over 127.0.0.1, read as fanout reads them;%n"
        + "            latency, CPU per write: the floor this machine's kernel sets%n")
public final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO",
      description = "The scenario to run: fanout, idle, overlay, churn, failover or loopback.")
  String scenario;

  @Option(names = "--clients", defaultValue = "200",
      description = "Simulated users (churn: the ones that stay; loopback: sockets). Default: ${DEFAULT-VALUE}.")
  int clients;

  @Option(names = "--senders", defaultValue = "10", description = "How many of them post (failover: the newest ones, never killed). Default: ${DEFAULT-VALUE}.")
  int senders;

  @Option(names = "--rate", defaultValue = "50",
      description = "Messages per second, all senders together; 0 = as fast as possible (not for failover)."
          + " churn: joins per second; loopback: broadcasts per second. Default: ${DEFAULT-VALUE}.")
  int rate;

  @Option(names = "--messages", defaultValue = "200", description = "overlay: messages posted per phase. Default: ${DEFAULT-VALUE}.")
  int messages;

  @Option(names = "--size", defaultValue = "64", description = "Message text size in bytes. Default: ${DEFAULT-VALUE}.")
  int size;

  @Option(names = "--duration", defaultValue = "10",
      description = "fanout, loopback: seconds measured, after a warm-up; idle: seconds held; churn: seconds of"
          + " joins. Default: ${DEFAULT-VALUE}.")
  int duration;

  @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "" + FanoutBenchmark.DEFAULT_WARM_UP_SECONDS,
      description = "fanout, loopback: seconds of load before the measured ones, for the coordinator's compiler"
          + " and buffers to settle. Default: ${DEFAULT-VALUE}.")
  int warmUp;

  @Option(names = "--stay", defaultValue = "2",
      description = "churn: seconds a newcomer stays once placed. Default: ${DEFAULT-VALUE}.")
  int stay;

  @Option(names = "--kills", defaultValue = "3",
      description = "failover: proxies killed, one after another. Default: ${DEFAULT-VALUE}.")
  int kills;

  @Option(names = "--timed", paramLabel = "N|all", defaultValue = "32", converter = TimedUsers.class,
      description = "fanout, loopback: users (sockets) whose deliveries are timed, spread evenly over the join"
          + " order (first and last included) and read as data comes; the others are only counted and, senders"
          + " aside, at a set rate read every 50 ms as if they were on other machines (at full speed as data"
          + " comes). all (or N >= --clients): every user timed and read as data comes. Default: ${DEFAULT-VALUE}.")
  int timed;

  @Option(names = "--writers", defaultValue = "1",
      description = "loopback: writer threads, each writing to a contiguous share of the sockets, in join order."
          + " Default: ${DEFAULT-VALUE}.")
  int writers;

  @Option(names = "--target", paramLabel = "HOST:PORT",
      description = "fanout: drive this running coordinator instead of starting one (no CPU figure then).")
  String target;

  @Option(names = "--target-http-port", paramLabel = "PORT", defaultValue = "9080",
      description = "fanout with --target: its web view port, for its stats. Default: ${DEFAULT-VALUE}.")
  int targetHttpPort;

  @Option(names = "--admin-token", paramLabel = "TOKEN",
      description = "fanout with --target: its admin token, for its stats (bytes per broadcast).")
  String adminToken;

  @Option(names = "--sealed",
      description = "fanout, idle: users offer a key exchange, so they get sealed sessions, chained events and"
          + " signed checkpoints, as the apps do (fanout: not verified while measuring; the cost of verifying"
          + " is timed after).")
  boolean sealed;

  @Option(names = "--compare-sealed",
      description = "fanout: a plain run, then a sealed one, each with a fresh coordinator (not with --target:"
          + " the same one), side by side with their ratio.")
  boolean compareSealed;

  @Option(names = "--json", description = "Print one JSON object with the figures instead of a table (not overlay).")
  boolean json;

  @Option(names = "--max-children", defaultValue = "4", description = "Children per proxy. Default: ${DEFAULT-VALUE}.")
  int maxChildren;

  @Option(names = "--root-slots", defaultValue = "64", description = "Direct children of the coordinator. Default: ${DEFAULT-VALUE}.")
  int rootSlots;

  @Option(names = "--max-depth", defaultValue = "6", description = "Tree depth. Default: ${DEFAULT-VALUE}.")
  int maxDepth;

  @Override
  public Integer call() throws Exception {
    String problem = invalid();
    if (problem != null) {
      return usage(problem);
    }
    return switch (scenario) {
      case "overlay" -> overlay();
      case "fanout" -> fanout();
      case "idle" -> idle();
      case "churn" -> churn();
      case "failover" -> failover();
      case "loopback" -> loopback();
      default -> throw new IllegalStateException(scenario); // invalid() knows every scenario
    };
  }

  /** What is wrong with the parameters for this scenario, or null. */
  private String invalid() {
    if (clients < 2 || size < 32 || rate < 0 || duration < 1 || warmUp < 0) {
      return "need --clients >= 2, --size >= 32, --rate >= 0, --duration >= 1, --warm-up >= 0";
    }
    if (maxChildren < 0 || rootSlots < 1 || maxDepth < 1) {
      return "need --max-children >= 0, --root-slots >= 1, --max-depth >= 1";
    }
    if (sealed && !scenario.equals("fanout") && !scenario.equals("idle")) {
      return "--sealed is for fanout and idle only";
    }
    if (compareSealed && !scenario.equals("fanout")) {
      return "--compare-sealed is for fanout only";
    }
    if (timed < 2) {
      return "need --timed >= 2 (the first and the last user) or all";
    }
    return switch (scenario) {
      case "fanout", "idle" -> senders < 1 || senders > clients ? "need 1 <= --senders <= --clients" : null;
      case "overlay" -> senders < 1 || senders >= clients || messages < 1
          ? "need 1 <= --senders < --clients (senders are not killed) and --messages >= 1" : null;
      case "churn" -> rate < 1 || stay < 0 ? "churn needs --rate >= 1 (joins per second) and --stay >= 0" : null;
      case "failover" -> senders < 1 || senders >= clients || rate < 1 || kills < 1
          ? "failover needs 1 <= --senders < --clients (senders are not killed), --rate >= 1 (a steady load)"
              + " and --kills >= 1" : null;
      case "loopback" -> rate < 1 || writers < 1 || writers > clients
          ? "loopback needs --rate >= 1 (broadcasts per second) and 1 <= --writers <= --clients" : null;
      default -> "unknown scenario '" + scenario + "' (scenarios: fanout, idle, overlay, churn, failover, loopback)";
    };
  }

  private int usage(String problem) {
    spec.commandLine().getErr().println("prochat-server bench: " + problem);
    return 2;
  }

  private int fanout() throws Exception {
    List<FanoutBenchmark.Result> results = new ArrayList<>();
    for (boolean sealedRun : compareSealed ? List.of(false, true) : List.of(sealed)) {
      FanoutBenchmark.Plan plan = new FanoutBenchmark.Plan(clients, senders, rate, duration, warmUp, size, sealedRun,
          timed);
      int status = withCoordinator(coordinator -> results.add(new FanoutBenchmark(plan).run(coordinator)));
      if (status != 0) {
        return status;
      }
    }
    print(json ? FanoutReport.json(results, target == null) : FanoutReport.table(results, target == null));
    return 0;
  }

  private int idle() throws Exception {
    return withCoordinator(coordinator -> {
      IdleBenchmark.Result result = new IdleBenchmark(clients, duration, sealed).run(coordinator);
      print(json ? FanoutReport.idleJson(result) : FanoutReport.idleTable(result));
    });
  }

  /** Runs a scenario against the --target coordinator, or one started from this jar; 2 when neither can be had. */
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
      scenario.run(coordinator);
    }
    return 0;
  }

  /** {@code --timed}: a number of users, or {@code all} of them. */
  static final class TimedUsers implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      if (value.equals("all")) {
        return FanoutSample.ALL;
      }
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("a number of users or 'all', not '" + value + "'");
      }
    }
  }

  /** One scenario against a coordinator. */
  private interface Scenario {
    void run(CoordinatorProcess coordinator) throws Exception;
  }

  private OverlayLimits limits() {
    return new OverlayLimits(maxChildren, rootSlots, maxDepth, Duration.ofSeconds(20));
  }

  private int overlay() throws Exception {
    OverlayBenchmark.Plan plan = new OverlayBenchmark.Plan(clients, senders, rate, messages, size, limits());
    print(OverlayReport.heading(plan)); // the run takes a while: say what it is doing first
    OverlayBenchmark bench = new OverlayBenchmark(plan);
    OverlayBenchmark.Phase direct = bench.direct();
    print(OverlayReport.table(direct, bench.tree()));
    return 0;
  }

  private int churn() throws Exception {
    ChurnBenchmark.Result result = new ChurnBenchmark(
        new ChurnBenchmark.Plan(clients, rate, duration, stay, limits())).run();
    print(json ? ChurnReport.json(result) : ChurnReport.table(result));
    return 0;
  }

  private int failover() throws Exception {
    FailoverDrill.Plan plan = new FailoverDrill.Plan(kills, senders, rate, size);
    FailoverDrill.Result result;
    try (BenchRoom room = BenchRoom.open(limits(), clients, true, new Recorder(3))) {
      result = new FailoverDrill(plan).run(room);
    }
    print(json ? FailoverReport.json(result, clients, plan)
        : FailoverReport.heading(result, clients, plan, limits()) + FailoverReport.table(result));
    return 0;
  }

  private int loopback() throws Exception {
    LoopbackFloor.Plan plan = new LoopbackFloor.Plan(clients, writers, rate, duration, size, timed);
    LoopbackFloor.Result result = new LoopbackFloor(plan, warmUp).run();
    print(json ? LoopbackReport.json(result) : LoopbackReport.table(result));
    return 0;
  }

  private void print(String report) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(report);
    out.flush();
  }
}

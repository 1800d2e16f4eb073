package org.prochat.server;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.prochat.server.bench.BenchCommand;
import org.prochat.server.overlay.OverlayLimits;
import org.prochat.server.relay.RelayCommand;
import org.prochat.server.store.StoreException;
import org.prochat.server.tls.TlsSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code prochat-server}: runs the coordinator until Ctrl-C or SIGTERM.
 *
 * <p>Every option can also come from a properties file given with {@code --config}, keyed by the
 * option's long name without dashes ({@code port=9090}, {@code data-dir=/var/lib/prochat}); a flag on
 * the command line wins over the file. A bad value, from either, exits with status 2 and one line.
 */
@Command(name = "prochat-server", mixinStandardHelpOptions = true, version = "ProChat coordinator 0.1",
    sortOptions = false, usageHelpAutoWidth = true, subcommands = {RelayCommand.class, BenchCommand.class},
    description = "Runs the ProChat coordinator: the room, its history, the chat port and the admin web view.%n")
public final class ServerMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServerMain.class);

  @Option(names = "--bind", paramLabel = "ADDR",
      description = "Address to listen on; repeat for several. Default: all interfaces.")
  List<InetAddress> bind = List.of();

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "9090", description = "Chat port. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "9080",
      description = "Admin web live view: HTTP port (the page, /api/stats, /metrics, /healthz). Default: ${DEFAULT-VALUE}.")
  int httpPort;

  @Option(names = "--ws-port", paramLabel = "PORT", defaultValue = "9081",
      description = "Admin web live view: WebSocket port the page streams from. Default: ${DEFAULT-VALUE}.")
  int wsPort;

  @Option(names = "--http-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address of both web view ports; it shows whispers, so keep it local. Default: ${DEFAULT-VALUE}.")
  InetAddress httpBind;

  @Option(names = "--admin-token", paramLabel = "TOKEN",
      description = "Web view admin token (16+ letters, digits, . _ ~ -). Default: generated on the first start, kept in DIR/admin-token.")
  String adminToken;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "prochat-data",
      description = "Where history, offline whispers and chat.log are kept. Default: ./${DEFAULT-VALUE}.")
  Path dataDir;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with any of these options, keyed by long name without dashes.")
  Path config;

  @Option(names = "--history", paramLabel = "N", defaultValue = "50",
      description = "Recent room events a joining user is shown. Default: ${DEFAULT-VALUE}.")
  int history;

  @Option(names = "--presence-batch-from", paramLabel = "N", defaultValue = "100",
      description = "From this many users on, joins and leaves are announced together, at most every 0.5 s,"
          + " not one by one. Default: ${DEFAULT-VALUE}.")
  int presenceBatchFrom;

  @Option(names = "--stats-interval", paramLabel = "SECONDS", defaultValue = "60",
      description = "Seconds between status lines in the log; 0 turns them off. Default: ${DEFAULT-VALUE}.")
  long statsInterval;

  @Option(names = "--heartbeat-timeout", paramLabel = "SECONDS", defaultValue = "45",
      description = "A client silent this long is considered gone. Default: ${DEFAULT-VALUE}.")
  long heartbeatTimeout;

  @Option(names = "--flood-burst", paramLabel = "N", defaultValue = "20",
      description = "Messages a user may send at once before flood control acts. Default: ${DEFAULT-VALUE}.")
  int floodBurst;

  @Option(names = "--flood-rate", paramLabel = "PER_SECOND", defaultValue = "2",
      description = "Messages per second a user may keep sending. Default: ${DEFAULT-VALUE}.")
  double floodRate;

  @Option(names = "--flood-mute", paramLabel = "SECONDS", defaultValue = "30",
      description = "How long a flooding user is muted. Default: ${DEFAULT-VALUE}.")
  long floodMute;

  @Option(names = "--flood-kick-after", paramLabel = "N", defaultValue = "10",
      description = "Messages sent while muted before a flooder is disconnected. Default: ${DEFAULT-VALUE}.")
  int floodKickAfter;

  @Option(names = "--max-connections-per-ip", paramLabel = "N", defaultValue = "16",
      description = "Open connections allowed from one address. Default: ${DEFAULT-VALUE}.")
  int maxConnectionsPerIp;

  @Option(names = "--max-connection-rate", paramLabel = "PER_MINUTE", defaultValue = "30",
      description = "New connections allowed from one address per minute. Default: ${DEFAULT-VALUE}.")
  int maxConnectionRate;

  @Option(names = "--limit-loopback",
      description = "Apply the per-address limits to loopback too (exempt by default, for local testing).")
  boolean limitLoopback;

  @Option(names = "--max-children", paramLabel = "N", defaultValue = "4",
      description = "Users one relaying client carries directly. Default: ${DEFAULT-VALUE}.")
  int maxChildren;

  @Option(names = "--root-slots", paramLabel = "N", defaultValue = "64",
      description = "Users connected straight to the coordinator while relays have room. Default: ${DEFAULT-VALUE}.")
  int rootSlots;

  @Option(names = "--max-depth", paramLabel = "N", defaultValue = "6",
      description = "Levels of the relay tree (1 = everyone direct). Default: ${DEFAULT-VALUE}.")
  int maxDepth;

  @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "20",
      description = "How long a user whose connection broke may come back unnoticed. Default: ${DEFAULT-VALUE}.")
  long grace;

  @Option(names = "--relay-secret", paramLabel = "SECRET",
      description = "Secret a relay presents to bring in outside users as *nick (at least 8 characters). Default: no relay is trusted.")
  String relaySecret;

  @Option(names = "--tls",
      description = "Chat port and web view speak TLS only, with the certificate made on the first start and kept in DIR (or --tls-cert).")
  boolean tls;

  @Option(names = "--tls-cert", paramLabel = "FILE",
      description = "PEM certificate to present (with --tls-key; implies --tls). Default: made on the first start.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM PKCS#8 private key of --tls-cert.")
  Path tlsKey;

  @Option(names = "--private-e2e",
      description = "Encrypt whispers end to end between the two users: the coordinator can't read them, and its log"
          + " and web view show who whispered to whom and when, not the words. Default: the coordinator can read"
          + " whispers (no proxy can).")
  boolean privateEndToEnd;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Parses, validates and runs; returns the exit status. */
  static int run(String[] args) {
    CommandLine commandLine = new CommandLine(new ServerMain());
    commandLine.setParameterExceptionHandler(ServerMain::oneLineError);
    try {
      Path configFile = configFileIn(args);
      if (configFile != null) {
        commandLine.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(
            readConfig(configFile, longOptionNames(commandLine))));
      }
    } catch (IllegalArgumentException e) {
      commandLine.getErr().println("prochat-server: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    return commandLine.execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    CoordinatorSettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      System.err.println("prochat-server: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    Coordinator coordinator;
    try {
      coordinator = Coordinator.start(settings);
    } catch (StoreException | IOException e) {
      System.err.println("prochat-server: " + e.getMessage());
      return 1;
    }
    log.info("ProChat coordinator listening on {}, data in {}", coordinator.describeChatPort(),
        settings.dataDir().toAbsolutePath());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Shutting down");
      coordinator.close();
      stopped.countDown();
    }, "prochat-shutdown"));
    stopped.await();
    return 0;
  }

  CoordinatorSettings settings() {
    return CoordinatorSettings.builder(dataDir)
        .bindAddresses(bind)
        .chatPort(port)
        .httpPort(httpPort)
        .wsPort(wsPort)
        .httpBind(httpBind)
        .adminToken(adminToken)
        .historyOnJoin(history)
        .presenceBatchFrom(presenceBatchFrom)
        .statsInterval(seconds(statsInterval, "stats interval"))
        .heartbeatTimeout(seconds(heartbeatTimeout, "heartbeat timeout"))
        .flood(new FloodLimits(floodBurst, floodRate, seconds(floodMute, "flood mute"), floodKickAfter))
        .connections(new ConnectionLimits(maxConnectionsPerIp, maxConnectionRate, Duration.ofMinutes(1), limitLoopback))
        .overlay(new OverlayLimits(maxChildren, rootSlots, maxDepth, seconds(grace, "grace period")))
        .relaySecret(relaySecret)
        .tls(TlsSetting.fromOptions(tls, tlsCert, tlsKey))
        .privateEndToEnd(privateEndToEnd)
        .build();
  }

  private static Duration seconds(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value);
    }
    return Duration.ofSeconds(value);
  }

  private static int oneLineError(CommandLine.ParameterException e, String[] args) {
    e.getCommandLine().getErr().println("prochat-server: " + e.getMessage() + " (see --help)");
    return CommandLine.ExitCode.USAGE;
  }

  /** The value of {@code --config FILE} or {@code --config=FILE}, if given. */
  private static Path configFileIn(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config")) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException("--config needs a file");
        }
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
    }
    return null;
  }

  private static Set<String> longOptionNames(CommandLine commandLine) {
    return commandLine.getCommandSpec().options().stream()
        .map(OptionSpec::longestName)
        .map(name -> name.replaceFirst("^-+", ""))
        .collect(Collectors.toSet());
  }

  /** Reads the config file; an unknown key is an error, so a typo does not go unnoticed. */
  private static Properties readConfig(Path file, Set<String> knownKeys) {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
    }
    for (String key : properties.stringPropertyNames()) {
      if (!knownKeys.contains(key) || key.equals("config") || key.equals("help") || key.equals("version")) {
        throw new IllegalArgumentException("unknown setting '" + key + "' in " + file + " (see --help)");
      }
    }
    return properties;
  }
}

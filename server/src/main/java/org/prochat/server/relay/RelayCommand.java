package org.prochat.server.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.prochat.client.ServerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prochat-server relay}: lets outside users into a coordinator's room, until Ctrl-C or SIGTERM. */
@Command(name = "relay", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Relays outside users to a coordinator; they appear as *nick. "
        + "The coordinator must run with --relay-secret set to the same secret.%n")
public final class RelayCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RelayCommand.class);

  @Spec
  CommandSpec spec;

  @Option(names = "--listen", paramLabel = "PORT", defaultValue = "9092",
      description = "Port outside users connect to. Default: ${DEFAULT-VALUE}.")
  int listen;

  @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on. Default: all interfaces.")
  InetAddress bind;

  @Option(names = "--upstream", paramLabel = "HOST[:PORT]", required = true,
      description = "The coordinator's chat address (port 9090 when left out).")
  String upstream;

  @Option(names = "--secret", paramLabel = "SECRET", required = true,
      description = "The coordinator's --relay-secret (at least 8 characters).")
  String secret;

  @Override
  public Integer call() throws InterruptedException {
    RelaySettings settings;
    try {
      ServerAddress coordinator = ServerAddress.parse(upstream);
      settings = new RelaySettings(bind, listen, coordinator.host(), coordinator.port(), secret);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("prochat-server relay: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    RelayServer relay;
    try {
      relay = RelayServer.start(settings);
    } catch (IOException e) {
      spec.commandLine().getErr().println("prochat-server relay: " + e.getMessage());
      return 1;
    }
    log.info("ProChat relay listening on port {}, forwarding to {}:{}", relay.port(), settings.upstreamHost(),
        settings.upstreamPort());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      relay.close();
      stopped.countDown();
    }, "prochat-relay-shutdown"));
    stopped.await();
    return 0;
  }
}

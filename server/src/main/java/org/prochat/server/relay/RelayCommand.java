package org.prochat.server.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.prochat.client.ServerAddress;
import org.prochat.server.tls.TlsSetting;
import org.prochat.tls.CertificateFingerprint;
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

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "prochat-relay-data",
      description = "Where the relay keeps its certificate and the coordinator's pinned one. Default: ./${DEFAULT-VALUE}.")
  Path dataDir;

  @Option(names = "--tls",
      description = "Users must speak TLS to the relay, which presents the certificate made on the first start and kept in DIR (or --tls-cert).")
  boolean tls;

  @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate to present (with --tls-key; implies --tls).")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM PKCS#8 private key of --tls-cert.")
  Path tlsKey;

  @Option(names = "--coordinator-tls",
      description = "Speak TLS to the coordinator (needed when it runs with --tls), pinning its certificate on first use in DIR.")
  boolean coordinatorTls;

  @Option(names = "--coordinator-fingerprint", paramLabel = "SHA256",
      description = "Speak TLS to the coordinator and trust exactly this certificate (AB:CD:...).")
  String coordinatorFingerprint;

  @Override
  public Integer call() throws InterruptedException {
    RelaySettings settings;
    try {
      ServerAddress coordinator = ServerAddress.parse(upstream);
      settings = new RelaySettings(bind, listen, coordinator.host(), coordinator.port(), secret, dataDir,
          TlsSetting.fromOptions(tls, tlsCert, tlsKey), coordinatorTls,
          coordinatorFingerprint == null ? null : CertificateFingerprint.parse(coordinatorFingerprint));
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

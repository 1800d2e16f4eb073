package org.prochat.app.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.prochat.client.ServerAddress;
import org.prochat.crypto.IdentityKey;
import org.prochat.server.Coordinator;
import org.prochat.server.CoordinatorSettings;

/** A real coordinator on an ephemeral loopback port, with its store in a test's temporary folder. */
public final class LiveCoordinator implements AutoCloseable {
  private final Coordinator coordinator;
  private final Path dataDir;
  private boolean closed;

  private LiveCoordinator(Coordinator coordinator, Path dataDir) {
    this.coordinator = coordinator;
    this.dataDir = dataDir;
  }

  /** Starts one and returns when it accepts connections. */
  public static LiveCoordinator start(Path dataDir) throws Exception {
    return start(dataDir, UnaryOperator.identity());
  }

  /** Starts one with some settings changed from the test defaults. */
  public static LiveCoordinator start(Path dataDir, UnaryOperator<CoordinatorSettings.Builder> settings)
      throws Exception {
    return new LiveCoordinator(Coordinator.start(settings.apply(CoordinatorSettings.builder(dataDir)
        .chatPort(0)
        .httpPort(0)
        .wsPort(0)
        .statsInterval(Duration.ZERO)).build()), dataDir);
  }

  /** Its identity, as kept in its data dir: what clients must pin and show. */
  public IdentityKey identity() throws IOException {
    return IdentityKey.loadOrCreate(dataDir.resolve(Coordinator.IDENTITY_FILE));
  }

  /** The coordinator itself, for its stats and room. */
  public Coordinator coordinator() {
    return coordinator;
  }

  /** Where clients connect. */
  public ServerAddress address() {
    return new ServerAddress("127.0.0.1", coordinator.chatPort());
  }

  /** Shuts down gracefully: every client is told and disconnected. Safe to call twice. */
  @Override
  public void close() {
    // A test may stop it early to see what clients do; the coordinator itself can be closed only once.
    if (!closed) {
      closed = true;
      coordinator.close();
    }
  }
}

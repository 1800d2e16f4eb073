package org.prochat.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.server.overlay.OverlayLimits;
import org.prochat.server.store.StoreException;

/**
 * Base of tests that need a live coordinator: started on free ports (chat and web view) over a
 * fresh data directory, closed after each test with every raw client the test opened.
 */
public abstract class RunningCoordinator {
  @TempDir
  protected Path dataDir;

  protected Coordinator coordinator;
  private UnaryOperator<CoordinatorSettings.Builder> lastSettings = UnaryOperator.identity();
  private final List<RawClient> clients = new ArrayList<>();

  protected Coordinator start() throws StoreException, IOException {
    return start(UnaryOperator.identity());
  }

  protected Coordinator start(UnaryOperator<CoordinatorSettings.Builder> settings) throws StoreException, IOException {
    lastSettings = settings;
    // No grace by default: a lost link is announced at once, which most tests look for.
    coordinator = Coordinator.start(settings.apply(CoordinatorSettings.builder(dataDir).chatPort(0).httpPort(0).wsPort(0)
        .statsInterval(Duration.ZERO).overlay(new OverlayLimits(4, 64, 6, Duration.ZERO))).build());
    return coordinator;
  }

  /** Stops the coordinator gracefully and starts a new one on the same data directory. */
  protected Coordinator restart() throws StoreException, IOException {
    coordinator.close();
    return start(lastSettings);
  }

  protected RawClient join(String nick) throws IOException {
    return track(RawClient.join(coordinator.chatPort(), nick));
  }

  protected RawClient connect() throws IOException {
    return track(RawClient.connect(coordinator.chatPort()));
  }

  private RawClient track(RawClient client) {
    clients.add(client);
    return client;
  }

  @AfterEach
  void stopEverything() throws IOException {
    for (RawClient client : clients) {
      client.close();
    }
    if (coordinator != null) {
      coordinator.close();
    }
  }
}

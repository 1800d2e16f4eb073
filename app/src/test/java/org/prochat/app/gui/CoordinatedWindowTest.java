package org.prochat.app.gui;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;

/** Window tests against a real coordinator, started fresh for each test in its temporary folder. */
abstract class CoordinatedWindowTest extends WindowTest {
  @TempDir
  Path dir;
  LiveCoordinator coordinator;

  @BeforeEach
  void startCoordinator() throws Exception {
    coordinator = LiveCoordinator.start(dir.resolve("coordinator"));
  }

  @AfterEach
  void stopCoordinator() {
    coordinator.close();
  }
}

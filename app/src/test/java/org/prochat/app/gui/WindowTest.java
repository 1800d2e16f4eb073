package org.prochat.app.gui;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxToolkit;

/** Starts JavaFX once for all window tests (headless, see the app's pom) and clears windows after each. */
public abstract class WindowTest {
  @BeforeAll
  static void startJavaFx() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void closeWindows() throws TimeoutException {
    FxToolkit.cleanupStages();
  }
}

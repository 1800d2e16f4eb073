package org.prochat.app.gui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.prochat.app.gui.WindowTest;
import org.testfx.api.FxRobot;

class WindowIconsTest extends WindowTest {
  private final FxRobot robot = new FxRobot();

  @Test
  void aWindowGetsTheIconInEverySize() {
    AtomicReference<Stage> shown = new AtomicReference<>();

    robot.interact(() -> {
      Stage stage = new Stage();
      WindowIcons.applyTo(stage);
      stage.show();
      shown.set(stage);
    });

    assertThat(shown.get().getIcons()).hasSize(7).allSatisfy(icon -> assertThat(icon.isError()).isFalse());
    assertThat(shown.get().getIcons()).extracting(icon -> (int) icon.getWidth()).contains(16, 32, 256);
    robot.interact(() -> shown.get().close());
  }
}

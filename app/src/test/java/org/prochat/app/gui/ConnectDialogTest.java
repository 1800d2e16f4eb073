package org.prochat.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;

/** The connect dialog in a real window. */
class ConnectDialogTest extends WindowTest {
  @TempDir
  Path dir;

  @Test
  void aBadNicknameIsExplainedNextToTheFieldAndConnectIsDisabled() {
    try (RunningApp app = RunningApp.start(dir, DesktopPrefill.NONE)) {
      TextField nick = app.dialogNode("#nick", TextField.class);
      app.robot().doubleClickOn(nick).eraseText(nick.getText().length()).write("two words");

      Label error = app.dialogNode("#nick-error", Label.class);
      assertThat(error.isVisible()).isTrue();
      assertThat(error.getText()).contains("spaces");
      assertThat(app.dialogNode("#connect", Button.class).isDisabled()).isTrue();
    }
  }

  @Test
  void enterConnectsAndWhatWasTypedIsThereNextTime(@TempDir Path data) throws Exception {
    try (LiveCoordinator coordinator = LiveCoordinator.start(data)) {
      try (RunningApp first = RunningApp.start(dir, DesktopPrefill.NONE)) {
        first.robot().doubleClickOn(first.dialogNode("#nick")).write("dora");
        paste(first, "#server", coordinator.address().toString());
        first.robot().clickOn(first.dialogNode("#relay"));
        first.robot().clickOn(first.dialogNode("#server")).type(KeyCode.ENTER);
        first.awaitLine(line -> line.text().equals("You are dora"));
      }

      try (RunningApp second = RunningApp.start(dir, DesktopPrefill.NONE)) {
        assertThat(second.dialogNode("#nick", TextField.class).getText()).isEqualTo("dora");
        assertThat(second.dialogNode("#server", TextField.class).getText()).isEqualTo(coordinator.address().toString());
        assertThat(second.dialogNode("#relay", javafx.scene.control.CheckBox.class).isSelected()).isFalse();
      }
    }
  }

  @Test
  void anUnreachableServerIsSaidPlainly(@TempDir Path data) throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (RunningApp app = RunningApp.start(dir, new DesktopPrefill("127.0.0.1:" + closedPort, "erin", false, null))) {
      app.robot().clickOn(app.dialogNode("#connect"));

      Label failure = org.awaitility.Awaitility.await().atMost(RunningApp.PATIENCE)
          .until(() -> app.dialogNode("#connect-failure", Label.class), label -> !label.getText().isEmpty());
      assertThat(failure.getText()).startsWith("Cannot connect to 127.0.0.1:" + closedPort);
    }
  }

  /** Replaces a field's text at once, as a paste would; typing long text key by key is slow. */
  private static void paste(RunningApp app, String selector, String text) {
    TextField field = app.dialogNode(selector, TextField.class);
    app.robot().clickOn(field).interact(() -> field.setText(text));
  }
}

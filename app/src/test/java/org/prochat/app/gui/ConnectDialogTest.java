package org.prochat.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.trust.ProfileTrust;
import org.prochat.client.ServerAddress;
import org.prochat.client.ServerKeyPins;
import org.prochat.crypto.IdentityKey;
import org.prochat.crypto.PublicKeys;

/** The connect dialog in a real window. */
class ConnectDialogTest extends WindowTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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

  @Test
  void aChangedIdentityWarnsWithBothFingerprintsAndTrustingItConnects(@TempDir Path data) throws Exception {
    try (LiveCoordinator coordinator = LiveCoordinator.start(data)) {
      String other = pinAnotherIdentity(coordinator.address());
      try (RunningApp app = RunningApp.start(dir, new DesktopPrefill(coordinator.address().toString(), "erin", false, null))) {
        app.robot().clickOn(app.dialogNode("#connect"));

        DialogPane warning = awaitWarning(app);
        assertThat(warning.getHeaderText())
            .isEqualTo("The identity of the coordinator at " + coordinator.address() + " has changed");
        assertThat(warning.getContentText()).contains(
            "Trusted until now:\n" + PublicKeys.fingerprint(other),
            "Presented now:\n" + coordinator.identity().fingerprint());
        RunningApp.onFx(() -> {
          WindowSnapshot.save(warning.getScene(), SCREENSHOTS.resolve("identity-changed.png"));
          return null;
        });
        app.robot().clickOn(button(app, warning, "Trust the new identity and connect"));

        app.awaitRoom();
        assertThat(pins().pinned(coordinator.address())).contains(coordinator.identity().publicKey());
      }
    }
  }

  @Test
  void cancellingTheChangedIdentityWarningLeavesTheAppUnconnectedAndThePinAsItWas(@TempDir Path data)
      throws Exception {
    try (LiveCoordinator coordinator = LiveCoordinator.start(data)) {
      String other = pinAnotherIdentity(coordinator.address());
      try (RunningApp app = RunningApp.start(dir, new DesktopPrefill(coordinator.address().toString(), "erin", false, null))) {
        app.robot().clickOn(app.dialogNode("#connect"));

        DialogPane warning = awaitWarning(app);
        app.robot().clickOn(button(app, warning, "Cancel"));

        await().atMost(RunningApp.PATIENCE)
            .until(() -> RunningApp.onFx(() -> app.robot().lookup("#key-change-warning").tryQuery().isEmpty()));
        assertThat(app.dialogNode("#connect-failure", Label.class).getText()).contains("different identity");
        assertThat(RunningApp.onFx(() -> app.app().roomWindow())).isEmpty();
        assertThat(pins().pinned(coordinator.address())).contains(other);
      }
    }
  }

  /** As if this user had met another coordinator at the same address before; returns its key. */
  private String pinAnotherIdentity(ServerAddress server) throws Exception {
    String other = IdentityKey.generate().publicKey();
    pins().pin(server, other);
    return other;
  }

  /** The identity pins in the app's profile, as the next run would read them. */
  private ServerKeyPins pins() throws Exception {
    return ProfileTrust.load(dir.resolve("settings.properties")).pins();
  }

  private static DialogPane awaitWarning(RunningApp app) {
    return await().atMost(RunningApp.PATIENCE)
        .until(() -> RunningApp.onFx(() -> app.robot().lookup("#key-change-warning").tryQueryAs(DialogPane.class)),
            Optional::isPresent)
        .orElseThrow();
  }

  private static Button button(RunningApp app, DialogPane pane, String text) {
    return app.robot().from(pane).lookup((Button b) -> b.getText().equals(text)).queryButton();
  }

  /** Replaces a field's text at once, as a paste would; typing long text key by key is slow. */
  private static void paste(RunningApp app, String selector, String text) {
    TextField field = app.dialogNode(selector, TextField.class);
    app.robot().clickOn(field).interact(() -> field.setText(text));
  }
}

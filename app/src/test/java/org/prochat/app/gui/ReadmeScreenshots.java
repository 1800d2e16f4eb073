package org.prochat.app.gui;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.gui.room.RoomWindow;
import org.prochat.app.gui.settings.Theme;
import org.prochat.app.gui.whisper.WhisperWindow;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatClientOptions;

/**
 * Renders the README's pictures from real windows on the headless platform: the connect dialog, the
 * main room with a few users, and a whisper window. Not part of the normal test run; run it with
 * <pre>
 * ./mvnw -q -pl app test -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * It writes {@code connect-dialog.png}, {@code room.png}, {@code room-dark.png} and {@code
 * whisper.png} to {@code src-assets/screenshots/} (or to {@code -Dprochat.screenshots=DIR}).
 */
class ReadmeScreenshots extends WindowTest {
  private static final Path OUT = Path.of(System.getProperty("prochat.screenshots", "../src-assets/screenshots"));

  @TempDir
  Path dir;

  @Test
  void renderTheReadmePictures() throws Exception {
    List<ChatClient> others = new ArrayList<>();
    try (LiveCoordinator coordinator = LiveCoordinator.start(dir.resolve("coordinator"))) {
      try (RunningApp dialog = RunningApp.start(dir.resolve("dialog"),
          new DesktopPrefill("chat.office.lan", "alice", true, 9091))) {
        dialog.dialogNode("#connect");
        RunningApp.onFx(() -> {
          WindowSnapshot.save(dialog.app().connectDialog().stage().getScene(), OUT.resolve("connect-dialog.png"));
          return null;
        });
      }

      // Fast heartbeats, so the status bar has a round trip to show.
      ChatClientOptions options = ChatClientOptions.DEFAULTS.withHeartbeatInterval(Duration.ofMillis(300));
      try (RunningApp alice = RunningApp.join(RunningApp.start(dir.resolve("alice"),
          new DesktopPrefill(coordinator.address().toString(), "alice", true, 0), options))) {
        ChatClient bob = join(coordinator, "bob", others);
        ChatClient carol = join(coordinator, "carol", others);
        bob.say("morning all :)").join();
        carol.say("standup in 5 minutes :coffee:").join();
        alice.typeInRoom("on my way, just grabbing a tea");
        ChatClient dave = join(coordinator, "dave", others);
        dave.say("can someone share the release notes? <3").join();
        bob.say("pinned in the wiki :thumbsup:").join();
        alice.typeInRoom("/online");
        alice.awaitLine(line -> line.text().startsWith("pinned in the wiki"));
        bob.whisper("alice", "lunch later? :pizza:").join();

        WhisperWindow whisper = alice.awaitWhisperWindow("bob");
        alice.typeInWhisper(whisper, "yes! 12:30 at the usual place");
        await().atMost(RunningApp.PATIENCE).until(() -> alice.whisperLines(whisper).size() >= 2);
        RoomWindow room = alice.awaitRoom();
        await().atMost(RunningApp.PATIENCE).until(() -> RunningApp.onFx(
            () -> room.model().status().routeTextProperty().get().contains("ms")));
        resize(room.stage(), 860, 540);
        resize(whisper.stage(), 480, 260);
        RunningApp.onFx(() -> {
          WindowSnapshot.save(room.stage().getScene(), OUT.resolve("room.png"));
          WindowSnapshot.save(whisper.stage().getScene(), OUT.resolve("whisper.png"));
          return null;
        });
        alice.robot().interact(() -> alice.app().theme().set(Theme.DARK));
        RunningApp.onFx(() -> {
          WindowSnapshot.save(room.stage().getScene(), OUT.resolve("room-dark.png"));
          return null;
        });
      } finally {
        others.forEach(ChatClient::quit);
      }
    }
    System.out.println("Screenshots written to " + OUT.toAbsolutePath().normalize());
  }

  /** Resizes a window and waits until its scene has the new size (the platform applies it later). */
  private static void resize(Stage stage, double width, double height) {
    RunningApp.onFx(() -> {
      stage.setWidth(width);
      stage.setHeight(height);
      return null;
    });
    await().atMost(RunningApp.PATIENCE).until(() -> RunningApp.onFx(
        () -> stage.getScene().getWidth() == width && stage.getScene().getHeight() == height));
  }

  private static ChatClient join(LiveCoordinator coordinator, String nick, List<ChatClient> others) {
    ChatClient client = ChatClient.connect(coordinator.address(), nick, new RecordingListener()).join();
    others.add(client);
    return client;
  }
}

package org.prochat.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.prochat.app.gui.chat.ChatLine;
import org.prochat.app.gui.chat.ChatLine.Kind;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.client.ChatClient;
import org.prochat.protocol.Leave;

/** The main window against a real coordinator: what users see of each other. */
class RoomWindowTest extends CoordinatedWindowTest {

  @Test
  void twoAppsExchangePublicMessages() {
    try (RunningApp alice = RunningApp.join(dir.resolve("alice"), coordinator.address(), "alice");
        RunningApp bob = RunningApp.join(dir.resolve("bob"), coordinator.address(), "bob")) {
      alice.typeInRoom("hi bob :)");

      ChatLine seen = bob.awaitLine(line -> line.kind() == Kind.MESSAGE);
      assertThat(seen.nick()).isEqualTo("alice");
      assertThat(seen.text()).isEqualTo("hi bob 🙂");
      assertThat(alice.awaitLine(line -> line.kind() == Kind.OWN_MESSAGE).text()).isEqualTo("hi bob 🙂");
    }
  }

  @Test
  void theStatusBarsSecurityDetailShowsTheCoordinatorsIdentity() throws Exception {
    String fingerprint = coordinator.identity().fingerprint();
    try (RunningApp alice = RunningApp.join(dir.resolve("alice"), coordinator.address(), "alice")) {
      Label security = alice.robot().from(alice.awaitRoom().stage().getScene().getRoot()).lookup(".status-security")
          .queryAs(Label.class);

      await().atMost(RunningApp.PATIENCE).until(() -> RunningApp.onFx(() -> security.getTooltip().getText()),
          detail -> detail.startsWith("Coordinator identity " + fingerprint + " (new: trusted from now on)"));
    }
  }

  @Test
  void theUserListFollowsJoinsAndLeaves() {
    try (RunningApp alice = RunningApp.join(dir.resolve("alice"), coordinator.address(), "alice")) {
      ChatClient bob = ChatClient.connect(coordinator.address(), "bob", new RecordingListener()).join();
      await().atMost(RunningApp.PATIENCE).until(alice::users, users -> users.contains("bob"));
      assertThat(alice.users()).containsExactly("alice", "bob");
      Label count = alice.robot().from(alice.awaitRoom().stage().getScene().getRoot()).lookup(".user-count")
          .queryAs(Label.class);
      assertThat(count.getText()).isEqualTo("2 online");

      bob.quit().join();

      await().atMost(RunningApp.PATIENCE).until(alice::users, users -> !users.contains("bob"));
      alice.awaitLine(line -> line.kind() == Kind.LEAVE && line.text().equals("bob left (quit)"));
    }
  }

  @Test
  void exitSaysGoodbyeAndTheOthersSeeTheLeave() {
    RecordingListener bob = new RecordingListener();
    ChatClient bobClient = ChatClient.connect(coordinator.address(), "bob", bob).join();
    try (RunningApp alice = RunningApp.join(dir.resolve("alice"), coordinator.address(), "alice")) {
      alice.robot().clickOn(alice.awaitRoom().log()).push(KeyCode.SHORTCUT, KeyCode.Q);

      alice.exited().orTimeout(RunningApp.PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
      Leave leave = (Leave) bob.awaitFirst(RecordingListener.Seen.class,
          seen -> seen.event() instanceof Leave l && l.nick().equals("alice")).event();
      assertThat(leave.reason()).isEqualTo("quit");
      assertThat(RunningApp.onFx(() -> alice.app().roomWindow().orElseThrow().stage().isShowing())).isFalse();
    } finally {
      bobClient.quit();
    }
  }
}

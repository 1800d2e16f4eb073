package org.prochat.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.prochat.app.gui.chat.ChatLine;
import org.prochat.app.gui.chat.ChatLine.Kind;
import org.prochat.app.gui.whisper.WhisperWindow;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.client.ChatClient;

/** Whisper windows against a real coordinator. */
class WhisperWindowTest extends CoordinatedWindowTest {

  @Test
  void doubleClickingANicknameOpensItsWindowAndTheWhisperArrivesOnlyThere() {
    try (RunningApp alice = RunningApp.join(dir.resolve("alice"), coordinator.address(), "alice");
        RunningApp bob = RunningApp.join(dir.resolve("bob"), coordinator.address(), "bob")) {
      alice.awaitLine(line -> line.text().equals("bob joined"));
      ListView<?> users = alice.awaitRoom().users().list();
      alice.robot().doubleClickOn(alice.robot().from(users).lookup("bob").queryLabeled());

      WhisperWindow toBob = alice.awaitWhisperWindow("bob");
      alice.typeInWhisper(toBob, "psst");

      WhisperWindow fromAlice = bob.awaitWhisperWindow("alice");
      org.awaitility.Awaitility.await().atMost(RunningApp.PATIENCE)
          .until(() -> bob.whisperLines(fromAlice), lines -> !lines.isEmpty());
      assertThat(bob.whisperLines(fromAlice)).extracting(ChatLine::kind, ChatLine::nick, ChatLine::text)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.WHISPER_IN, "alice", "psst"));
      assertThat(alice.whisperLines(toBob)).extracting(ChatLine::text).containsExactly("psst");
      assertThat(alice.roomLines()).noneMatch(line -> line.text().contains("psst"));
      assertThat(bob.roomLines()).noneMatch(line -> line.text().contains("psst"));
    }
  }

  @Test
  void anIncomingWhisperOpensItsWindow() {
    try (RunningApp alice = RunningApp.join(dir.resolve("alice"), coordinator.address(), "alice")) {
      ChatClient bob = ChatClient.connect(coordinator.address(), "bob", new RecordingListener()).join();
      try {
        bob.whisper("alice", "are you there? :heart:").join();

        WhisperWindow window = alice.awaitWhisperWindow("bob");
        org.awaitility.Awaitility.await().atMost(RunningApp.PATIENCE)
            .until(() -> alice.whisperLines(window), lines -> !lines.isEmpty());
        assertThat(alice.whisperLines(window)).extracting(ChatLine::text).containsExactly("are you there? ❤");
        assertThat(RunningApp.onFx(() -> window.stage().getTitle())).isEqualTo("Whisper — bob");
      } finally {
        bob.quit();
      }
    }
  }
}

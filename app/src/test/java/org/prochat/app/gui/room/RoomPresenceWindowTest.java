package org.prochat.app.gui.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.prochat.app.gui.FakeChatSession;
import org.prochat.app.gui.RunningApp;
import org.prochat.app.gui.TestClock;
import org.prochat.app.gui.WindowTest;
import org.prochat.app.gui.chat.UiContext;
import org.prochat.app.gui.settings.Theme;
import org.prochat.app.gui.theme.ThemeStyles;
import org.prochat.protocol.Presence;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;
import org.testfx.api.FxRobot;

/** A big room's joins and leaves, as one presence event, in the main window. */
class RoomPresenceWindowTest extends WindowTest {
  private final FxRobot robot = new FxRobot();

  @Test
  void aPresenceEventChangesTheUserListOnceAndShowsOneLineForEachSide() {
    RoomWindow window = RunningApp.onFx(() -> {
      RoomViewModel model = new RoomViewModel(new FakeChatSession(true),
          new UiContext(Runnable::run, Runnable::run, new TestClock(), 100), (from, text, show) -> { }, () -> { });
      RoomWindow room = new RoomWindow(new Stage(), model, new ThemeStyles(Theme.LIGHT), ZoneOffset.UTC, "alice");
      room.show();
      model.onWelcome(new Welcome(1, "s1", "alice", 7, "t", false), "alice");
      model.onUsers(new Users("s1", 7, List.of("bob", "carol")));
      return room;
    });
    AtomicInteger changes = new AtomicInteger();
    RunningApp.onFx(() -> {
      // On the list view's own items: what the view redraws from, held as long as the window is.
      window.users().list().getItems().addListener((ListChangeListener<String>) change -> changes.incrementAndGet());
      return null;
    });
    List<Presence.Joined> forty = IntStream.range(0, 40)
        .mapToObj(i -> new Presence.Joined("user" + String.format("%02d", i), null)).toList();

    RunningApp.onFx(() -> {
      window.model().onRoomEvent(new Presence(8, 0, forty, List.of(new Presence.Left("bob", "quit"))), false);
      return null;
    });

    List<String> listed = RunningApp.onFx(() -> List.copyOf(window.users().list().getItems()));
    assertThat(changes).hasValue(1);
    assertThat(listed).hasSize(42).startsWith("alice", "carol", "user00").doesNotContain("bob");
    assertThat(shownTexts()).contains("bob left (quit)", "user00, user01 and 38 others joined");
  }

  /** The texts the chat log's cells show now. */
  private List<String> shownTexts() {
    return RunningApp.onFx(() -> robot.lookup(".chat-text").queryAllAs(Text.class).stream().map(Text::getText).toList());
  }
}

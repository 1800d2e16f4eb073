package org.prochat.app.gui.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.prochat.app.gui.RunningApp;
import org.prochat.app.gui.WindowTest;
import org.testfx.api.FxRobot;

/** The message log in a window: it follows the newest line unless the user has scrolled up. */
class ChatLogViewTest extends WindowTest {
  private final FxRobot robot = new FxRobot();
  private MessageLog log;
  private ChatLogView view;

  /**
   * A window of its own: the toolkit's shared primary stage keeps whatever earlier window tests did
   * to it, and then the list may never be laid out.
   */
  private void show() {
    robot.interact(() -> {
      log = new MessageLog(1_000, Runnable::run);
      view = new ChatLogView(log, ZoneOffset.UTC);
      Stage stage = new Stage();
      stage.setScene(new Scene(view, 400, 300));
      stage.show();
    });
  }

  @Test
  void newLinesScrollIntoViewWhileFollowing() throws Exception {
    show();
    robot.interact(() -> IntStream.range(0, 200).forEach(i -> log.append(line("line " + i))));

    await().atMost(RunningApp.PATIENCE).until(() -> lastVisibleText().equals("line 199"));
    assertThat(robot.lookup(".new-messages").queryButton().isVisible()).isFalse();
  }

  @Test
  void afterScrollingUpNewLinesAreCountedAndTheMarkerJumpsBackDown() throws Exception {
    show();
    robot.interact(() -> IntStream.range(0, 200).forEach(i -> log.append(line("line " + i))));
    await().atMost(RunningApp.PATIENCE).until(() -> lastVisibleText().equals("line 199"));
    // A wheel turn upwards, aimed at the list's flow: the flow scrolls, and the view's filter sees it.
    robot.interact(() -> Event.fireEvent(view.list().lookup(".virtual-flow"), wheelUp(2_000)));
    await().atMost(RunningApp.PATIENCE).until(() -> !log.followingProperty().get());

    robot.interact(() -> IntStream.range(0, 3).forEach(i -> log.append(line("later " + i))));

    Button marker = robot.lookup(".new-messages").queryButton();
    assertThat(marker.isVisible()).isTrue();
    assertThat(marker.getText()).isEqualTo("3 new messages ↓");
    robot.clickOn(marker);
    await().atMost(RunningApp.PATIENCE).until(() -> lastVisibleText().equals("later 2"));
    assertThat(marker.isVisible()).isFalse();
  }

  private String lastVisibleText() {
    return RunningApp.onFx(() -> {
      var flow = (VirtualFlow<?>) view.list().lookup(".virtual-flow");
      ListCell<?> last = (ListCell<?>) flow.getLastVisibleCell();
      return last == null || last.getItem() == null ? "" : ((ChatLine) last.getItem()).text();
    });
  }

  private static ScrollEvent wheelUp(double pixels) {
    return new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false,
        0, pixels, 0, pixels, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
        ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
  }

  private static ChatLine line(String text) {
    return ChatLine.said(ChatLine.Kind.MESSAGE, Instant.EPOCH, "bob", text);
  }
}

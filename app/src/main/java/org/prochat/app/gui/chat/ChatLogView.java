package org.prochat.app.gui.chat;

import java.time.ZoneId;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;

/**
 * The lines of a {@link MessageLog} in a virtualised list (only the visible rows exist as nodes). It
 * follows the newest line while the user is at the bottom; once they scroll up it stays put and a
 * "new messages" marker appears, which jumps back down when clicked.
 */
public final class ChatLogView extends StackPane {
  private final MessageLog log;
  private final ListView<ChatLine> list;

  public ChatLogView(MessageLog log, ZoneId zone) {
    this.log = Objects.requireNonNull(log, "log");
    list = new ListView<>(log.lines());
    list.getStyleClass().add("chat-log");
    list.setFocusTraversable(false);
    list.setCellFactory(view -> new ChatLineCell(zone));

    Button marker = new Button();
    marker.getStyleClass().add("new-messages");
    marker.textProperty().bind(Bindings.createStringBinding(
        () -> log.unseenProperty().get() == 1 ? "1 new message ↓" : log.unseenProperty().get() + " new messages ↓",
        log.unseenProperty()));
    marker.visibleProperty().bind(log.unseenProperty().greaterThan(0));
    marker.setFocusTraversable(false);
    marker.setOnAction(event -> scrollToNewest());
    StackPane.setAlignment(marker, Pos.BOTTOM_CENTER);
    getChildren().addAll(list, marker);

    log.lines().addListener((ListChangeListener<ChatLine>) change -> {
      if (log.followingProperty().get()) {
        list.scrollTo(log.lines().size() - 1);
      }
    });
    // Only the user's own scrolling decides whether to follow: new lines move the scroll position too.
    list.addEventFilter(ScrollEvent.SCROLL, event -> Platform.runLater(this::updateFollowing));
    list.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> Platform.runLater(this::updateFollowing));
    list.addEventFilter(KeyEvent.KEY_RELEASED, event -> Platform.runLater(this::updateFollowing));
  }

  /** Positions this close to the end count as the bottom (rounding of the flow's fraction). */
  private static final double AT_THE_BOTTOM = 0.999;

  /** The list itself, for tests and for keyboard focus. */
  public ListView<ChatLine> list() {
    return list;
  }

  /** Shows the newest line and follows again. */
  public void scrollToNewest() {
    list.scrollTo(Math.max(0, log.lines().size() - 1));
    log.followingProperty().set(true);
  }

  /**
   * After the user scrolled: follow exactly while the view is at the bottom. The flow's position
   * moves with the scroll at once, whereas its cells are only laid out again at the next pulse.
   */
  private void updateFollowing() {
    VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
    log.followingProperty().set(flow == null || flow.getPosition() >= AT_THE_BOTTOM);
  }
}

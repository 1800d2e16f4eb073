package org.prochat.app.gui.room;

import java.time.ZoneId;
import java.util.Objects;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.prochat.app.gui.chat.ChatLogView;
import org.prochat.app.gui.chat.InputLineView;
import org.prochat.app.gui.settings.Theme;
import org.prochat.app.gui.theme.ThemeStyles;
import org.prochat.app.gui.theme.WindowIcons;

/**
 * The main window: menu, the room's lines with the input line below, the user list beside them, the
 * status bar at the bottom. Closing it leaves the room like File → Exit.
 *
 * <p>Every action has a shortcut: Ctrl+Q exit, Ctrl+W whisper to the selected user, Ctrl+O who is
 * online, Ctrl+L and Ctrl+U move to the input line and the user list, Ctrl+Shift+D dark theme, F1 help
 * (Cmd instead of Ctrl on macOS).
 */
public final class RoomWindow {
  private final RoomViewModel model;
  private final Stage stage;
  private final ChatLogView log;
  private final InputLineView input;
  private final UserListView users;
  private final Timeline statusRefresh;

  /**
   * @param title says where this window is connected, such as {@code alice @ chat.example:9090}
   */
  public RoomWindow(Stage stage, RoomViewModel model, ThemeStyles styles, ZoneId zone, String title) {
    this.stage = Objects.requireNonNull(stage, "stage");
    this.model = Objects.requireNonNull(model, "model");
    log = new ChatLogView(model.log(), zone);
    input = new InputLineView(model.input(), "Message the room — Enter sends, /help lists the commands", model::send);
    users = new UserListView(model.users(), model::openWhisper);

    VBox conversation = new VBox(log, input);
    conversation.getStyleClass().add("room-conversation");
    VBox.setVgrow(log, Priority.ALWAYS);
    SplitPane split = new SplitPane(conversation, users);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.76);
    SplitPane.setResizableWithParent(users, false);

    BorderPane root = new BorderPane(split, menuBar(styles), null, new StatusBarView(model.status()), null);
    root.getStyleClass().add("room-window");
    Scene scene = new Scene(root, 860, 560);
    styles.style(scene, ThemeStyles.CHAT, ThemeStyles.ROOM, ThemeStyles.STATUS_BAR);
    stage.setScene(scene);
    stage.setTitle("ProChat — " + title);
    WindowIcons.applyTo(stage);
    stage.setMinWidth(480);
    stage.setMinHeight(320);
    stage.setOnCloseRequest(event -> {
      event.consume(); // the window goes once the goodbye is said
      model.quit("quit");
    });

    statusRefresh = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.refreshStatus()));
    statusRefresh.setCycleCount(Timeline.INDEFINITE);
  }

  public Stage stage() {
    return stage;
  }

  public RoomViewModel model() {
    return model;
  }

  /** The room's lines, for tests. */
  public ChatLogView log() {
    return log;
  }

  /** The user list, for tests. */
  public UserListView users() {
    return users;
  }

  public void show() {
    stage.show();
    input.field().requestFocus();
    statusRefresh.play();
  }

  /** Closes the window for good (after leaving). */
  public void close() {
    statusRefresh.stop();
    stage.hide();
  }

  private MenuBar menuBar(ThemeStyles styles) {
    MenuItem exit = item("E_xit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
        () -> model.quit("quit"));
    Menu file = new Menu("_File", null, exit);

    CheckMenuItem dark = new CheckMenuItem("_Dark theme");
    dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    dark.setSelected(styles.themeProperty().get() == Theme.DARK);
    dark.selectedProperty().addListener((property, was, selected) ->
        styles.themeProperty().set(selected ? Theme.DARK : Theme.LIGHT));
    MenuItem newest = item("_Jump to newest", new KeyCodeCombination(KeyCode.END, KeyCombination.SHORTCUT_DOWN),
        log::scrollToNewest);
    Menu view = new Menu("_View", null, dark, newest);

    Menu chat = new Menu("_Chat", null,
        item("_Whisper to selected user", new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
            () -> users.selected().ifPresent(model::openWhisper)),
        item("Who is _online", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
            () -> model.runCommand("/online")),
        item("My _route", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
            () -> model.runCommand("/route")),
        item("Go to the _input line", new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
            () -> input.field().requestFocus()),
        item("Go to the _user list", new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN),
            () -> users.list().requestFocus()));

    Menu help = new Menu("_Help", null,
        item("_Commands", new KeyCodeCombination(KeyCode.F1), () -> model.runCommand("/help")));
    MenuBar bar = new MenuBar(file, view, chat, help);
    bar.setUseSystemMenuBar(true);
    return bar;
  }

  private static MenuItem item(String text, KeyCombination shortcut, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setAccelerator(shortcut);
    item.setOnAction(event -> action.run());
    return item;
  }
}

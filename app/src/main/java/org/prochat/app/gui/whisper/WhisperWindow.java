package org.prochat.app.gui.whisper;

import java.time.ZoneId;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.prochat.app.gui.chat.ChatLogView;
import org.prochat.app.gui.chat.InputLineView;
import org.prochat.app.gui.theme.ThemeStyles;
import org.prochat.app.gui.theme.WindowIcons;

/**
 * The window of one whisper conversation: its lines and an input line. Closing it (Escape, {@code
 * Ctrl+W}) only hides it; the conversation goes on and the window comes back as it was.
 */
public final class WhisperWindow {
  private final WhisperViewModel model;
  private final Stage stage = new Stage();
  private final ChatLogView log;
  private final InputLineView input;

  public WhisperWindow(WhisperViewModel model, ThemeStyles styles, ZoneId zone) {
    this.model = Objects.requireNonNull(model, "model");
    log = new ChatLogView(model.log(), zone);
    input = new InputLineView(model.input(), "Whisper to " + model.peer() + " — Enter sends", model::send);
    BorderPane root = new BorderPane(log, null, null, input, null);
    root.getStyleClass().add("whisper-window");
    Scene scene = new Scene(root, 460, 340);
    styles.style(scene, ThemeStyles.CHAT, ThemeStyles.WHISPER);
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::hide);
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::hide);
    stage.setScene(scene);
    stage.setTitle("Whisper — " + model.peer());
    WindowIcons.applyTo(stage);
    stage.setMinWidth(300);
    stage.setMinHeight(200);
  }

  public WhisperViewModel model() {
    return model;
  }

  public Stage stage() {
    return stage;
  }

  /** The conversation's lines, for tests. */
  public ChatLogView log() {
    return log;
  }

  /** Shows the window, or raises it when it is already open, with the cursor in the input line. */
  public void showAndRaise() {
    stage.show();
    stage.toFront();
    input.field().requestFocus();
  }
}

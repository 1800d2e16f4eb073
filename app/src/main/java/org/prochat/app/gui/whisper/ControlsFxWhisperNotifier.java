package org.prochat.app.gui.whisper;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Shows a whisper that arrived while the app was in the background as a ControlsFX notification. */
public final class ControlsFxWhisperNotifier implements WhisperNotifier {
  private static final int PREVIEW_CHARACTERS = 140;

  @Override
  public void whisperArrived(String from, String text, Runnable show) {
    // ControlsFX places the popup relative to an owner window; any of ours that is showing will do.
    Window owner = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
    if (owner == null) {
      return;
    }
    Notifications.create()
        .owner(owner)
        .title("Whisper from " + from)
        .text(text.length() > PREVIEW_CHARACTERS ? text.substring(0, PREVIEW_CHARACTERS) + "…" : text)
        .position(Pos.BOTTOM_RIGHT)
        .hideAfter(Duration.seconds(8))
        .onAction(event -> show.run())
        .showInformation();
  }
}

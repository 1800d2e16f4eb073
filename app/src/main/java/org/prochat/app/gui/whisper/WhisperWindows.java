package org.prochat.app.gui.whisper;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.Window;
import org.prochat.app.gui.theme.ThemeStyles;

/**
 * One {@link WhisperWindow} per conversation of a {@link WhisperDirectory}, created the first time
 * the directory asks for it and reused after. Keeps the directory told whether any of the app's
 * windows has the focus, so it knows when to notify instead.
 */
public final class WhisperWindows {
  private final ThemeStyles styles;
  private final ZoneId zone;
  private final Map<WhisperViewModel, WhisperWindow> windows = new LinkedHashMap<>();
  private final BooleanProperty anyWhisperFocused = new SimpleBooleanProperty();

  /** @param mainWindow the room's window, whose focus counts as the app's too */
  public WhisperWindows(WhisperDirectory directory, Window mainWindow, ThemeStyles styles, ZoneId zone) {
    this.styles = Objects.requireNonNull(styles, "styles");
    this.zone = Objects.requireNonNull(zone, "zone");
    BooleanBinding appFocused = Bindings.or(mainWindow.focusedProperty(), anyWhisperFocused);
    directory.appFocusedProperty().bind(appFocused);
    directory.onShowRequest(conversation -> windowFor(conversation).showAndRaise());
  }

  /** The window of the conversation with {@code peer}, if it was ever opened. */
  public Optional<WhisperWindow> find(String peer) {
    return windows.values().stream().filter(window -> window.model().peer().equals(peer)).findFirst();
  }

  /** Every whisper window made so far. */
  public List<WhisperWindow> all() {
    return List.copyOf(windows.values());
  }

  /** Closes every whisper window, for leaving. */
  public void closeAll() {
    windows.values().forEach(window -> window.stage().hide());
  }

  private WhisperWindow windowFor(WhisperViewModel conversation) {
    return windows.computeIfAbsent(conversation, key -> {
      WhisperWindow window = new WhisperWindow(key, styles, zone);
      window.stage().focusedProperty().addListener((property, was, focused) -> updateFocus());
      return window;
    });
  }

  private void updateFocus() {
    anyWhisperFocused.set(windows.values().stream().anyMatch(window -> window.stage().isFocused()));
  }
}

package org.prochat.app.gui.theme;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import org.prochat.app.gui.settings.Theme;

/**
 * The app's stylesheets: one per theme (its colours), one per area (connect dialog, chat, room,
 * status bar, whisper). Every scene gets the current theme's sheet followed by its areas' sheets, and
 * follows {@link #themeProperty()} when it changes.
 *
 * <p><b>Threading:</b> JavaFX thread.
 */
public final class ThemeStyles {
  /** The connect dialog's area. */
  public static final String CONNECT_DIALOG = "connect-dialog.css";
  /** Chat lines, the message log and the input line, shared by the room and whisper windows. */
  public static final String CHAT = "chat.css";
  /** The main window: layout and user list. */
  public static final String ROOM = "room.css";
  /** The main window's status bar. */
  public static final String STATUS_BAR = "status-bar.css";
  /** Whisper windows. */
  public static final String WHISPER = "whisper.css";

  private final ObjectProperty<Theme> theme;

  public ThemeStyles(Theme initial) {
    theme = new SimpleObjectProperty<>(this, "theme", Objects.requireNonNull(initial, "initial"));
  }

  /** The theme every window shows. */
  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  /** Styles {@code scene} with the current theme and {@code areas}, now and whenever the theme changes. */
  public void style(Scene scene, String... areas) {
    scene.getStylesheets().setAll(sheets(theme.get(), areas));
    theme.addListener((property, was, now) -> scene.getStylesheets().setAll(sheets(now, areas)));
  }

  private static List<String> sheets(Theme current, String... areas) {
    return Stream.concat(Stream.of("theme-" + current.name().toLowerCase(Locale.ROOT) + ".css"), Stream.of(areas))
        .map(ThemeStyles::url)
        .toList();
  }

  private static String url(String sheet) {
    return Objects.requireNonNull(ThemeStyles.class.getResource(sheet), "missing stylesheet " + sheet).toExternalForm();
  }
}

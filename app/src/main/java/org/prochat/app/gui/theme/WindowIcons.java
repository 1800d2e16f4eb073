package org.prochat.app.gui.theme;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Gives every window of the app the ProChat icon, in the sizes desktops pick from (taskbar, title
 * bar, Alt-Tab, high-DPI). The renditions come from {@code src-assets/icons}. FX thread only.
 */
public final class WindowIcons {
  private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

  private WindowIcons() {}

  /** From now on, each stage the app shows gets the icon (unless it already has one). */
  public static void applyToEveryWindow() {
    List<Image> icons = load();
    Window.getWindows().addListener((ListChangeListener<Window>) change -> {
      while (change.next()) {
        for (Window window : change.getAddedSubList()) {
          if (window instanceof Stage stage && stage.getIcons().isEmpty()) {
            stage.getIcons().setAll(icons);
          }
        }
      }
    });
  }

  private static List<Image> load() {
    List<Image> icons = new ArrayList<>();
    for (int size : SIZES) {
      InputStream png = WindowIcons.class.getResourceAsStream("/org/prochat/app/icons/prochat-" + size + ".png");
      if (png != null) {
        icons.add(new Image(png));
      }
    }
    return icons;
  }
}

package org.prochat.app.gui.theme;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The ProChat icon for the app's windows, in the sizes desktops pick from (taskbar, title bar,
 * Alt-Tab, high-DPI). The renditions come from {@code src-assets/icons}. FX thread only.
 */
public final class WindowIcons {
  private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
  private static List<Image> icons;

  private WindowIcons() {}

  /** Gives {@code stage} the icon; call it before the stage is first shown. */
  public static void applyTo(Stage stage) {
    if (icons == null) {
      icons = load();
    }
    stage.getIcons().setAll(icons);
  }

  private static List<Image> load() {
    List<Image> loaded = new ArrayList<>();
    for (int size : SIZES) {
      InputStream png = WindowIcons.class.getResourceAsStream("/org/prochat/app/icons/prochat-" + size + ".png");
      if (png != null) {
        loaded.add(new Image(png));
      }
    }
    return loaded;
  }
}

package org.prochat.app.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves what a window's scene shows as a PNG (JavaFX snapshot; no desktop or javafx-swing needed). */
final class WindowSnapshot {
  private WindowSnapshot() {}

  /** Renders {@code scene} and writes it to {@code file}. Call on the JavaFX thread. */
  static void save(Scene scene, Path file) {
    WritableImage image = scene.snapshot(null);
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    PixelReader pixels = image.getPixelReader();
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ImageIO.write(out, "png", file.toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
  }
}

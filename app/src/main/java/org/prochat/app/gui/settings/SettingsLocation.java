package org.prochat.app.gui.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where each operating system keeps a user's application settings. */
public final class SettingsLocation {
  private static final String FILE_NAME = "settings.properties";
  private static final String TLS_PIN_FILE_NAME = "tls-pins";

  private SettingsLocation() {}

  /**
   * The file with the TLS certificate pinned for each server, next to {@code settingsFile}: the console
   * and the desktop app share it, so a certificate accepted in one is trusted by the other.
   */
  public static Path tlsPinFileNextTo(Path settingsFile) {
    return settingsFile.resolveSibling(TLS_PIN_FILE_NAME);
  }

  /** The settings file for the user running this JVM. */
  public static Path forThisUser() {
    return resolve(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * The settings file on {@code osName} for a user with {@code env} and {@code home}: {@code
   * %APPDATA%\ProChat} on Windows, {@code ~/Library/Application Support/ProChat} on macOS, and {@code
   * $XDG_CONFIG_HOME/prochat} (default {@code ~/.config/prochat}) elsewhere.
   */
  static Path resolve(String osName, Map<String, String> env, Path home) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData);
      return base.resolve("ProChat").resolve(FILE_NAME);
    }
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Application Support").resolve("ProChat").resolve(FILE_NAME);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    // The XDG spec says a relative value is invalid and must be ignored.
    Path base = xdg == null || !Path.of(xdg).isAbsolute() ? home.resolve(".config") : Path.of(xdg);
    return base.resolve("prochat").resolve(FILE_NAME);
  }
}

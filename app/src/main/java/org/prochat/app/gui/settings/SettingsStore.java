package org.prochat.app.gui.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link AppSettings} as a properties file. A missing, unreadable or partly invalid
 * file never stops the app: each value that can't be read falls back to its default, and a file that
 * can't be written is logged and otherwise ignored. Not thread-safe; the app uses it on the JavaFX
 * thread only.
 */
public final class SettingsStore {
  private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);

  private final Path file;
  private final AppSettings defaults;

  /**
   * @param file where the settings live ({@link SettingsLocation#forThisUser()} outside tests)
   * @param defaults what a first run gets
   */
  public SettingsStore(Path file, AppSettings defaults) {
    this.file = Objects.requireNonNull(file, "file");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  /** The settings file. */
  public Path file() {
    return file;
  }

  /** The remembered settings, or the defaults for whatever is not remembered. */
  public AppSettings load() {
    Properties stored = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        stored.load(in);
      } catch (IOException | IllegalArgumentException e) {
        log.warn("Cannot read the settings in {}; using the defaults: {}", file, e.getMessage());
      }
    }
    return new AppSettings(
        stored.getProperty("nick", defaults.nick()),
        bool(stored, "useLocalAddress", defaults.useLocalAddress()),
        stored.getProperty("server", defaults.server()),
        bool(stored, "relay", defaults.relay()),
        stored.getProperty("relayPort", defaults.relayPort()),
        theme(stored.getProperty("theme"), defaults.theme()),
        scrollback(stored.getProperty("scrollback"), defaults.scrollback()));
  }

  /** Remembers {@code settings}; the file is replaced whole, so a crash never leaves half of it. */
  public void save(AppSettings settings) {
    Properties stored = new Properties();
    stored.setProperty("nick", settings.nick());
    stored.setProperty("useLocalAddress", Boolean.toString(settings.useLocalAddress()));
    stored.setProperty("server", settings.server());
    stored.setProperty("relay", Boolean.toString(settings.relay()));
    stored.setProperty("relayPort", settings.relayPort());
    stored.setProperty("theme", settings.theme().name().toLowerCase(Locale.ROOT));
    stored.setProperty("scrollback", Integer.toString(settings.scrollback()));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".tmp");
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        stored.store(out, "ProChat desktop app");
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn("Cannot remember the settings in {}: {}", file, e.getMessage());
    }
  }

  private static boolean bool(Properties stored, String key, boolean fallback) {
    String value = stored.getProperty(key);
    return value == null ? fallback : Boolean.parseBoolean(value.strip());
  }

  private static Theme theme(String value, Theme fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Theme.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static int scrollback(String value, int fallback) {
    try {
      return value == null ? fallback : Math.max(1, Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}

package org.prochat.app.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
  @TempDir
  Path dir;

  private final AppSettings defaults = AppSettings.defaults("carol");

  @Test
  void aFirstRunGetsTheDefaults() {
    assertThat(new SettingsStore(dir.resolve("none/settings.properties"), defaults).load()).isEqualTo(defaults);
  }

  @Test
  void whatIsSavedIsLoadedBackCreatingTheFolder() {
    SettingsStore store = new SettingsStore(dir.resolve("prochat/settings.properties"), defaults);
    AppSettings changed = defaults.withConnection("bob", true, "chat.lan:9999", false, "0").withTheme(Theme.DARK);

    store.save(changed);

    assertThat(new SettingsStore(store.file(), defaults).load()).isEqualTo(changed);
  }

  @Test
  void aValueThatCannotBeReadFallsBackToItsDefaultAndKeepsTheOthers() throws Exception {
    Path file = dir.resolve("settings.properties");
    Files.writeString(file, "nick=dave\ntheme=purple\nscrollback=lots\n");

    AppSettings loaded = new SettingsStore(file, defaults).load();

    assertThat(loaded.nick()).isEqualTo("dave");
    assertThat(loaded.theme()).isEqualTo(defaults.theme());
    assertThat(loaded.scrollback()).isEqualTo(defaults.scrollback());
  }

  @Test
  void theScrollbackCanBeSetInTheFile() throws Exception {
    Path file = dir.resolve("settings.properties");
    Files.writeString(file, "scrollback=250\n");

    assertThat(new SettingsStore(file, defaults).load().scrollback()).isEqualTo(250);
  }
}

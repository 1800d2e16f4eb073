package org.prochat.app.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsLocationTest {
  private final Path home = Path.of("/home/ann");

  @Test
  void linuxUsesXdgConfigHome() {
    assertThat(SettingsLocation.resolve("Linux", Map.of("XDG_CONFIG_HOME", "/cfg"), home))
        .isEqualTo(Path.of("/cfg/prochat/settings.properties"));
  }

  @Test
  void linuxWithoutXdgConfigHomeOrWithARelativeOneUsesDotConfig() {
    Path expected = Path.of("/home/ann/.config/prochat/settings.properties");
    assertThat(SettingsLocation.resolve("Linux", Map.of(), home)).isEqualTo(expected);
    assertThat(SettingsLocation.resolve("Linux", Map.of("XDG_CONFIG_HOME", "cfg"), home)).isEqualTo(expected);
  }

  @Test
  void windowsUsesAppData() {
    assertThat(SettingsLocation.resolve("Windows 11", Map.of("APPDATA", "/appdata"), home))
        .isEqualTo(Path.of("/appdata/ProChat/settings.properties"));
  }

  @Test
  void macOsUsesApplicationSupport() {
    assertThat(SettingsLocation.resolve("Mac OS X", Map.of(), home))
        .isEqualTo(Path.of("/home/ann/Library/Application Support/ProChat/settings.properties"));
  }
}

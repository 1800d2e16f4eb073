package org.prochat.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prochat.app.console.ConsoleStreams;
import org.prochat.app.gui.DesktopPrefill;
import picocli.CommandLine;

/** Without --console the desktop app starts, its dialog pre-filled from the options actually given. */
class AppCommandDesktopTest {
  private final List<DesktopPrefill> launched = new ArrayList<>();

  private int run(String... args) {
    PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
    AppCommand command = new AppCommand(new ConsoleStreams(new StringReader(""), silent, silent, false), prefill -> {
      launched.add(prefill);
      return 0;
    }, Path.of("unused", "settings.properties"));
    return new CommandLine(command).execute(args);
  }

  @Test
  void noOptionsStartTheWindowWithTheRememberedValues() {
    assertThat(run()).isZero();

    assertThat(launched).containsExactly(DesktopPrefill.NONE);
  }

  @Test
  void serverNickAndRelayOptionsPreFillTheDialog() {
    run("--server", "chat.lan:9999", "--nick", "zoe", "--no-relay", "--peer-port", "9191");

    assertThat(launched).containsExactly(new DesktopPrefill("chat.lan:9999", "zoe", false, 9191));
  }
}

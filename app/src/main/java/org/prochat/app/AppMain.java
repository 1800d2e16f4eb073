package org.prochat.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.prochat.app.console.ConsoleStreams;
import org.prochat.app.gui.DesktopLauncher;
import org.prochat.app.gui.settings.SettingsLocation;
import picocli.CommandLine;

/** Entry point of {@code prochat-app.jar}; the runnable jar reaches it through the Java version gate. */
public final class AppMain {
  private AppMain() {}

  public static void main(String[] args) {
    System.exit(run(args, ConsoleStreams.system()));
  }

  /**
   * Runs the app with {@code args} on the given streams and returns the exit status instead of
   * exiting: 0 done, 1 failed (the reason is on {@code err}), 2 bad command line.
   */
  public static int run(String[] args, ConsoleStreams streams) {
    return run(args, streams, SettingsLocation.forThisUser());
  }

  /** {@link #run(String[], ConsoleStreams)} with the console's profile (pins, keys) next to {@code settingsFile}. */
  static int run(String[] args, ConsoleStreams streams, Path settingsFile) {
    CommandLine commandLine = new CommandLine(new AppCommand(streams, DesktopLauncher::run, settingsFile));
    commandLine.setOut(new PrintWriter(streams.out(), true));
    commandLine.setErr(new PrintWriter(streams.err(), true));
    // One line saying what is wrong beats a screenful of usage that hides it.
    commandLine.setParameterExceptionHandler((problem, arguments) -> {
      streams.err().println(AppCommand.NAME + ": " + problem.getMessage() + " (--help lists the options)");
      return problem.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
    });
    return commandLine.execute(args);
  }
}

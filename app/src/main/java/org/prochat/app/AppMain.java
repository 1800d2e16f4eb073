package org.prochat.app;

import java.io.PrintWriter;
import org.prochat.app.console.ConsoleStreams;
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
    CommandLine commandLine = new CommandLine(new AppCommand(streams));
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

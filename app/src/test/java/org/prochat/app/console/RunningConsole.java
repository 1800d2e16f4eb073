package org.prochat.app.console;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.prochat.app.testkit.RecordingListener;

/**
 * A console client in piped mode on a thread of its own, as a shell would run it: the test types
 * lines into its input, reads its output lines and waits for its exit status.
 */
final class RunningConsole {
  private final PipedWriter input = new PipedWriter();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  /** Starts {@code program} (given the console's streams, returning its exit status) with an open input. */
  RunningConsole(Function<ConsoleStreams, Integer> program) {
    ConsoleStreams streams;
    try {
      streams = new ConsoleStreams(new PipedReader(input, 64 * 1024), printer(out), printer(err), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofPlatform().name("console-under-test").daemon().start(() -> {
      try {
        exit.complete(program.apply(streams));
      } catch (Throwable failure) {
        exit.completeExceptionally(failure);
      }
    });
  }

  void type(String line) {
    try {
      input.write(line + "\n");
      input.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Like pressing Ctrl-D, or the end of a piped file. */
  void endInput() {
    try {
      input.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  List<String> errLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** Waits (bounded) for an output line matching {@code regex} in full, and returns it. */
  String awaitLine(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return await().atMost(RecordingListener.PATIENCE)
        .until(() -> outLines().stream().filter(line -> pattern.matcher(line).matches()).findFirst(),
            found -> found.isPresent())
        .orElseThrow();
  }

  /** Waits (bounded) for the exit status. */
  int awaitExit() throws Exception {
    return exit.get(RecordingListener.PATIENCE.toSeconds() + 5, TimeUnit.SECONDS);
  }

  private static PrintStream printer(ByteArrayOutputStream sink) {
    return new PrintStream(sink, true, StandardCharsets.UTF_8);
  }
}

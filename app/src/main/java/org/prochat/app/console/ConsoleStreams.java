package org.prochat.app.console;

import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where the console client reads and writes, so it runs the same in a test as from a shell.
 *
 * @param in what the user types or pipes in; read only when not {@code terminal}
 * @param out events, one per line
 * @param err one-line reasons for failures
 * @param terminal true for an interactive terminal (JLine takes over the process's own terminal, and
 *     {@code in} and {@code out} are not used), false for line-by-line input and output
 */
public record ConsoleStreams(Reader in, PrintStream out, PrintStream err, boolean terminal) {
  public ConsoleStreams {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /** The process's own streams; interactive when standard input and output are a terminal. */
  public static ConsoleStreams system() {
    Charset inputCharset = Charset.forName(System.getProperty("stdin.encoding", "UTF-8"), StandardCharsets.UTF_8);
    boolean terminal = System.console() != null && System.console().isTerminal();
    return new ConsoleStreams(new InputStreamReader(System.in, inputCharset), System.out, System.err, terminal);
  }
}

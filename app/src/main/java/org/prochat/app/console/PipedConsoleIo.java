package org.prochat.app.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;

/** Plain lines in, plain lines out: for pipes, files and scripts. */
final class PipedConsoleIo implements ConsoleIo {
  private final BufferedReader in;
  private final PrintStream out;

  PipedConsoleIo(Reader in, PrintStream out) {
    this.in = new BufferedReader(in);
    this.out = out;
  }

  /** Nobody watches a pipe, so there is no prompt. */
  @Override
  public String readLine(String prompt) {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input", e);
    }
  }

  @Override
  public void print(String line) {
    out.println(line); // PrintStream locks per call, so lines from two threads never interleave
  }

  /** Flushes; the input is left open as it belongs to whoever gave it (and may be blocked in a read). */
  @Override
  public void close() {
    out.flush();
  }
}

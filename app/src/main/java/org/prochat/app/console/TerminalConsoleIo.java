package org.prochat.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** An interactive terminal through JLine: line editing, history, and events printed above the prompt. */
final class TerminalConsoleIo implements ConsoleIo {
  private final Terminal terminal;
  private final LineReader reader;

  private TerminalConsoleIo(Terminal terminal, LineReader reader) {
    this.terminal = terminal;
    this.reader = reader;
  }

  /** Takes over the process's terminal. */
  static TerminalConsoleIo open() throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true).name("prochat").build();
    LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("prochat").build();
    return new TerminalConsoleIo(terminal, reader);
  }

  @Override
  public String readLine(String prompt) {
    try {
      return reader.readLine(prompt);
    } catch (EndOfFileException | UserInterruptException e) {
      return null; // Ctrl-D and Ctrl-C both mean "I am done"
    }
  }

  /** Redraws the prompt and the half-typed line below the printed one. */
  @Override
  public void print(String line) {
    reader.printAbove(line);
  }

  @Override
  public void close() {
    try {
      terminal.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot give the terminal back", e);
    }
  }
}

package org.prochat.app.console;

/**
 * The console's two ends: lines the user typed, lines to show. Reading blocks the one thread that
 * reads; printing may happen from any thread (the network's) at the same time.
 */
interface ConsoleIo extends AutoCloseable {

  /**
   * The next line the user entered, or null when input has ended (end of file, Ctrl-D, Ctrl-C).
   *
   * @param prompt shown before the cursor where there is one
   */
  String readLine(String prompt);

  /** Shows one line without disturbing what the user is typing. Thread-safe. */
  void print(String line);

  /** Releases the terminal; never closes the process's standard input. */
  @Override
  void close();
}

package org.prochat.server.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The chat log file: one tab-separated line per public or private message —
 * {@code ISO-8601 timestamp, kind (public|private), sender, recipient (room for public), text}.
 * Texts never hold tabs or line breaks (the protocol refuses control characters), so a line is
 * always one record. Not thread-safe: only the store thread writes.
 */
final class ChatLog implements AutoCloseable {
  static final String FILE_NAME = "chat.log";

  private final BufferedWriter out;

  ChatLog(Path dataDir) throws IOException {
    out = Files.newBufferedWriter(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  void publicMessage(long ts, String from, String text) throws IOException {
    line(ts, "public", from, "room", text);
  }

  void privateMessage(long ts, String from, String to, String text) throws IOException {
    line(ts, "private", from, to, text);
  }

  /** Makes written lines visible to readers of the file; called once per store batch. */
  void flush() throws IOException {
    out.flush();
  }

  private void line(long ts, String kind, String from, String to, String text) throws IOException {
    out.write(Instant.ofEpochMilli(ts) + "\t" + kind + "\t" + from + "\t" + to + "\t" + text);
    out.newLine();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

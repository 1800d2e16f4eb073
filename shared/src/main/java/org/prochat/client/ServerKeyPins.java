package org.prochat.client;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The coordinator identities this user has trusted, one per server ({@code host:port}): trust on
 * first use, as with SSH. A coordinator presenting another key than the pinned one is refused until
 * the user accepts the new key ({@link #pin}). Kept in a properties file in the user's profile, or
 * in memory only. Thread-safe.
 */
public final class ServerKeyPins {
  private final Path file;
  private final Properties pins = new Properties();

  private ServerKeyPins(Path file) {
    this.file = file;
  }

  /** Pins kept in {@code file} (read now, written on every change). */
  public static ServerKeyPins inFile(Path file) throws IOException {
    ServerKeyPins store = new ServerKeyPins(file);
    try {
      store.readFile(store.pins);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return store;
  }

  /** Pins for this process only. */
  public static ServerKeyPins inMemory() {
    return new ServerKeyPins(null);
  }

  /** The identity key pinned for {@code server}, if any. */
  public synchronized Optional<String> pinned(ServerAddress server) {
    return Optional.ofNullable(pins.getProperty(name(server)));
  }

  /**
   * Trusts {@code key} for {@code server} from now on, in place of any earlier one. The file is read
   * again first, so pins another app of the same user wrote meanwhile are kept.
   */
  public synchronized void pin(ServerAddress server, String key) {
    if (file != null) {
      readFile(pins);
    }
    pins.setProperty(name(server), key);
    if (file != null) {
      save();
    }
  }

  private void readFile(Properties into) {
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        into.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private void save() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        pins.store(out, "ProChat: coordinator identities you trust (host:port = key)");
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String name(ServerAddress server) {
    return server.host().toLowerCase(Locale.ROOT) + ":" + server.port();
  }
}

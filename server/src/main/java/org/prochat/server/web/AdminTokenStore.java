package org.prochat.server.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.prochat.crypto.OwnerOnlyFiles;

/**
 * Keeps the admin token in the data directory, so it survives restarts: reads it, or on the first
 * start generates one and writes it readable by the owner only (where the file system has POSIX
 * permissions; elsewhere the data directory's own protection applies).
 *
 * <p>Used once at start-up, from one thread.
 */
public final class AdminTokenStore {
  /** The token file's name inside the data directory. */
  public static final String FILE_NAME = "admin-token";

  private final Path file;
  private final SecureRandom random;

  public AdminTokenStore(Path dataDir, SecureRandom random) {
    this.file = dataDir.resolve(FILE_NAME);
    this.random = random;
  }

  /** Where the token is kept. */
  public Path file() {
    return file;
  }

  /**
   * The kept token, or a new one written to the file when there is none yet.
   *
   * @throws IOException when the file can't be read or written, or holds no valid token (the
   *     message names the file, so the admin can fix or delete it)
   */
  public Loaded load() throws IOException {
    if (Files.exists(file)) {
      OwnerOnlyFiles.tightenPermissions(file);
      String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
      try {
        return new Loaded(AdminToken.of(kept), false);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " holds no valid admin token (" + e.getMessage()
            + "); fix it or delete it to have a new one generated", e);
      }
    }
    AdminToken token = AdminToken.generate(random);
    OwnerOnlyFiles.write(file, token.reveal() + System.lineSeparator());
    return new Loaded(token, true);
  }

  /**
   * @param generated true when the token was made just now (and so must be shown to the admin once)
   */
  public record Loaded(AdminToken token, boolean generated) {}
}

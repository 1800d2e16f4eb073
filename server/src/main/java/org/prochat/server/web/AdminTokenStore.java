package org.prochat.server.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

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
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
      tightenPermissions();
      String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
      try {
        return new Loaded(AdminToken.of(kept), false);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " holds no valid admin token (" + e.getMessage()
            + "); fix it or delete it to have a new one generated", e);
      }
    }
    AdminToken token = AdminToken.generate(random);
    write(token);
    return new Loaded(token, true);
  }

  /** Writes through a temporary file created owner-only, so the secret is never readable by others, even briefly. */
  private void write(AdminToken token) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = posix()
        ? Files.createTempFile(file.getParent(), FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
        : Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
    try {
      Files.writeString(temporary, token.reveal() + System.lineSeparator(), StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** A token file copied around with looser permissions is made private again rather than trusted as is. */
  private void tightenPermissions() throws IOException {
    if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private boolean posix() {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * @param generated true when the token was made just now (and so must be shown to the admin once)
   */
  public record Loaded(AdminToken token, boolean generated) {}
}

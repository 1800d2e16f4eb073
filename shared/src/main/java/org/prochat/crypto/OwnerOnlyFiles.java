package org.prochat.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Secrets kept on disk (the coordinator's identity, admin token and TLS key; a user's whisper key): readable by
 * their owner only, where the file system has POSIX permissions; elsewhere the data directory's own
 * protection applies.
 */
public final class OwnerOnlyFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /**
   * Writes {@code text} through a temporary file created owner-only and renamed into place, so the
   * secret is never readable by others, even briefly, and never half written.
   */
  public static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    String prefix = file.getFileName().toString();
    Path temporary = posix(file)
        ? Files.createTempFile(parent, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
        : Files.createTempFile(parent, prefix, ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** A secret copied around with looser permissions is made private again rather than trusted as is. */
  public static void tightenPermissions(Path file) throws IOException {
    if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static boolean posix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}

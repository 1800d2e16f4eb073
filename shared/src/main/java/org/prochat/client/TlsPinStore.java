package org.prochat.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.prochat.tls.CertificateChangedException;
import org.prochat.tls.CertificateFingerprint;
import org.prochat.tls.CertificatePin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate fingerprint pinned for each server ({@code host:port}) a client has spoken TLS to:
 * trust on first use, then that certificate only. A server with a pin is never spoken to in plain
 * text again.
 *
 * <p>Kept in a small text file, one {@code host:port fingerprint} per line, or for this process only.
 * Thread-safe; the file is re-read before each change, so several stores (and several clients) on one
 * file each add their pins without losing the others'.
 */
public final class TlsPinStore {
  private static final Logger log = LoggerFactory.getLogger(TlsPinStore.class);
  /** One store for everything run without a pin file: pins then last as long as the process. */
  private static final TlsPinStore PROCESS = new TlsPinStore(null, new HashMap<>());
  /** Guards every pin file of this process, so two stores on one file don't interleave their writes. */
  private static final Object FILES = new Object();

  private final Path file;
  private final Map<String, CertificateFingerprint> pins;

  private TlsPinStore(Path file, Map<String, CertificateFingerprint> pins) {
    this.file = file;
    this.pins = pins;
  }

  /**
   * The pins kept in {@code file} (none yet when it does not exist), or with {@code null} the pins of
   * this process.
   *
   * @throws IOException when the file exists but can't be read or has a line that is not a pin
   */
  public static TlsPinStore open(Path file) throws IOException {
    if (file == null) {
      return PROCESS;
    }
    synchronized (FILES) {
      return new TlsPinStore(file, read(file));
    }
  }

  /** The fingerprint pinned for {@code server}, if it was ever seen with TLS. */
  public Optional<CertificateFingerprint> pinned(ServerAddress server) {
    synchronized (FILES) {
      return Optional.ofNullable(pins.get(server.toString()));
    }
  }

  /**
   * Trusts the certificate {@code changed} reports from now on, instead of the one pinned: the user
   * checked with the server's admin that it really changed.
   *
   * @throws IOException when the pin file can't be written (the pin holds for this store anyway)
   */
  public void accept(ServerCertificateChangedException changed) throws IOException {
    pin(changed.server(), changed.presented());
  }

  /**
   * Pins {@code fingerprint} for {@code server}, replacing any earlier pin.
   *
   * @throws IOException when the pin file can't be written (the pin holds for this store anyway)
   */
  public void pin(ServerAddress server, CertificateFingerprint fingerprint) throws IOException {
    synchronized (FILES) {
      pins.put(server.toString(), fingerprint);
      if (file != null) {
        Map<String, CertificateFingerprint> merged = Files.exists(file) ? read(file) : new HashMap<>();
        merged.put(server.toString(), fingerprint);
        write(file, merged);
      }
    }
  }

  /**
   * What a TLS link to {@code server} trusts: the pinned certificate, or when none is pinned yet, the
   * one presented now, which is then pinned.
   */
  public CertificatePin trustOnFirstUse(ServerAddress server) {
    return presented -> {
      synchronized (FILES) {
        CertificateFingerprint pinned = pins.get(server.toString());
        if (pinned == null) {
          log.info("First TLS link to {}: pinning its certificate {}", server, presented);
          try {
            pin(server, presented);
          } catch (IOException e) {
            log.warn("Cannot write the pin file {}; the pin for {} lasts until exit: {}", file, server, e.getMessage());
          }
        } else if (!pinned.equals(presented)) {
          throw new CertificateChangedException(pinned, presented);
        }
      }
    };
  }

  private static Map<String, CertificateFingerprint> read(Path file) throws IOException {
    Map<String, CertificateFingerprint> pins = new HashMap<>();
    if (!Files.exists(file)) {
      return pins;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      try {
        if (parts.length != 2) {
          throw new IllegalArgumentException("expected 'host:port fingerprint'");
        }
        pins.put(ServerAddress.parse(parts[0]).toString(), CertificateFingerprint.parse(parts[1]));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " line " + (i + 1) + " is not a pin: " + e.getMessage(), e);
      }
    }
    return pins;
  }

  /** Through a temporary file and a rename, so a crash never leaves half a pin file. */
  private static void write(Path file, Map<String, CertificateFingerprint> pins) throws IOException {
    StringBuilder text = new StringBuilder("# ProChat: the TLS certificate trusted for each server (host:port SHA-256)\n");
    new TreeMap<>(pins).forEach((server, fingerprint) -> text.append(server).append(' ').append(fingerprint).append('\n'));
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}

package org.prochat.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import org.prochat.tls.PemFiles;
import org.prochat.tls.TlsIdentity;

/**
 * Whether a server's ports speak TLS, and with which certificate.
 *
 * @param enabled true for TLS
 * @param given the certificate and key the admin gave; null to use the one kept in the data
 *     directory (made on the first start)
 */
public record TlsSetting(boolean enabled, TlsIdentity given) {
  /** Plain TCP, for a trusted LAN. */
  public static final TlsSetting OFF = new TlsSetting(false, null);
  /** TLS with the certificate kept in the data directory. */
  public static final TlsSetting KEPT = new TlsSetting(true, null);

  public TlsSetting {
    if (!enabled && given != null) {
      throw new IllegalArgumentException("a certificate is given but TLS is off");
    }
  }

  /**
   * Reads the command line's {@code --tls}, {@code --tls-cert FILE} and {@code --tls-key FILE}: the
   * files come together and imply {@code --tls}.
   *
   * @throws IllegalArgumentException in one line: a file missing from the pair, unreadable, not PEM,
   *     or a key that does not belong to the certificate
   */
  public static TlsSetting fromOptions(boolean tls, Path certificateFile, Path keyFile) {
    if ((certificateFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both or neither");
    }
    if (certificateFile == null) {
      return tls ? KEPT : OFF;
    }
    try {
      return new TlsSetting(true, PemFiles.read(certificateFile, keyFile));
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * The identity to present: the given one, or the one kept in {@code dataDir} (made and written
   * there when there is none yet). Call it before any event loop runs: making one takes a while.
   *
   * @param commonName the name in a certificate made now
   * @return null when TLS is off
   * @throws IOException when the kept files can't be read or written
   */
  public TlsIdentityStore.Loaded identity(Path dataDir, String commonName) throws IOException {
    if (!enabled) {
      return null;
    }
    return given != null ? new TlsIdentityStore.Loaded(given, false, null)
        : new TlsIdentityStore(dataDir).load(commonName);
  }
}

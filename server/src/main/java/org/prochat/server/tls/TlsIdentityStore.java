package org.prochat.server.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.prochat.crypto.OwnerOnlyFiles;
import org.prochat.tls.PemFiles;
import org.prochat.tls.SelfSignedCertificates;
import org.prochat.tls.TlsIdentity;

/**
 * Keeps a server's self-signed certificate in its data directory, so it survives restarts and
 * clients that pinned it go on trusting it: reads it, or on the first start makes one and writes the
 * certificate ({@code tls-cert.pem}) and the key ({@code tls-key.pem}, owner only).
 *
 * <p>Used once at start-up, from one thread, before any event loop runs.
 */
public final class TlsIdentityStore {
  public static final String CERTIFICATE_FILE = "tls-cert.pem";
  public static final String KEY_FILE = "tls-key.pem";

  private final Path certificate;
  private final Path key;

  public TlsIdentityStore(Path dataDir) {
    this.certificate = dataDir.resolve(CERTIFICATE_FILE);
    this.key = dataDir.resolve(KEY_FILE);
  }

  /**
   * The kept identity, or a new one for {@code commonName} when there is none yet.
   *
   * @throws IOException when the files can't be read or written, or only one of them exists (the
   *     message names them, so the admin can fix or delete them)
   */
  public Loaded load(String commonName) throws IOException {
    boolean hasCertificate = Files.exists(certificate);
    if (hasCertificate != Files.exists(key)) {
      throw new IOException("only one of " + certificate + " and " + key + " exists; restore the other or delete both"
          + " to have a new certificate made (clients will then see it changed)");
    }
    if (hasCertificate) {
      OwnerOnlyFiles.tightenPermissions(key);
      return new Loaded(PemFiles.read(certificate, key), false, certificate);
    }
    TlsIdentity made = SelfSignedCertificates.generate(commonName, new SecureRandom());
    // The key first: a certificate without its key would be of no use.
    OwnerOnlyFiles.write(key, PemFiles.privateKeyPem(made.key()));
    OwnerOnlyFiles.write(certificate, PemFiles.certificatePem(made.certificate()));
    return new Loaded(made, true, certificate);
  }

  /**
   * @param generated true when it was made just now
   * @param file where the certificate is kept; null for one the admin gave
   */
  public record Loaded(TlsIdentity identity, boolean generated, Path file) {
    /** For the start-up log line: "certificate SHA-256 3A:F1:… (new, kept in data/tls-cert.pem)". */
    public String describe() {
      String where = file == null ? "given" : (generated ? "new, kept in " : "kept in ") + file;
      return "certificate SHA-256 " + identity.fingerprint() + " (" + where + ")";
    }
  }
}

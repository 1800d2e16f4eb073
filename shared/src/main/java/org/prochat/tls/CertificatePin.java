package org.prochat.tls;

import java.security.cert.CertificateException;
import java.util.Objects;

/**
 * What a TLS client expects of the certificate a server presents. ProChat trusts no certificate
 * authority: a server is known by its certificate's fingerprint, learned on first use or given.
 */
@FunctionalInterface
public interface CertificatePin {
  /**
   * Accepts the certificate with {@code presented} fingerprint, or refuses it.
   *
   * @throws CertificateChangedException when another certificate is expected
   */
  void verify(CertificateFingerprint presented) throws CertificateException;

  /** Trusts exactly the certificate with this fingerprint, as a peer named by the coordinator must present. */
  static CertificatePin exactly(CertificateFingerprint expected) {
    Objects.requireNonNull(expected, "expected");
    return presented -> {
      if (!presented.equals(expected)) {
        throw new CertificateChangedException(expected, presented);
      }
    };
  }
}

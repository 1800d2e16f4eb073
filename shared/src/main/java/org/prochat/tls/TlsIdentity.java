package org.prochat.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What a TLS server presents: its certificate and the private key that proves it owns it.
 *
 * @param fingerprint the certificate's fingerprint, worked out once: it is logged, sent and compared
 */
public record TlsIdentity(PrivateKey key, X509Certificate certificate, CertificateFingerprint fingerprint) {
  public TlsIdentity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  public TlsIdentity(PrivateKey key, X509Certificate certificate) {
    this(key, certificate, CertificateFingerprint.of(certificate));
  }

  @Override
  public String toString() {
    // Never the key: identities end up in log lines and assertion messages.
    return "TlsIdentity[" + certificate.getSubjectX500Principal().getName() + ", " + fingerprint + "]";
  }
}

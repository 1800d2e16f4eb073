package org.prochat.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The hand-written certificate is one the JDK reads, checks and would use. */
class SelfSignedCertificatesTest {
  private final TlsIdentity identity = SelfSignedCertificates.generate("ProChat coordinator", new SecureRandom());

  @Test
  void theJdkParsesTheCertificateFromItsDer() throws Exception {
    byte[] der = identity.certificate().getEncoded();

    X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));

    assertThat(parsed.getVersion()).isEqualTo(3);
    assertThat(parsed.getEncoded()).isEqualTo(der);
  }

  @Test
  void itIsSignedByItsOwnKeyWithEcdsaOverSha256() throws Exception {
    X509Certificate certificate = identity.certificate();

    certificate.verify(certificate.getPublicKey()); // throws when the signature does not check out

    assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(identity.key().getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void subjectAndIssuerAreTheCommonNameGiven() {
    assertThat(identity.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=ProChat coordinator");
    assertThat(identity.certificate().getIssuerX500Principal()).isEqualTo(identity.certificate().getSubjectX500Principal());
  }

  @Test
  void itIsValidNowAndForDecades() throws Exception {
    X509Certificate certificate = identity.certificate();

    certificate.checkValidity();

    Instant notAfter = certificate.getNotAfter().toInstant();
    assertThat(Duration.between(Instant.now(), notAfter)).isGreaterThan(Duration.ofDays(99 * 365));
  }

  @Test
  void itIsNoCertificateAuthorityAndItsKeyOnlySigns() {
    X509Certificate certificate = identity.certificate();

    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getKeyUsage()).startsWith(true, false, false, false, false, false);
    assertThat(certificate.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
  }

  @Test
  void theFingerprintIsTheSha256OfTheDerInColonSeparatedHex() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded());

    assertThat(identity.fingerprint().toString())
        .isEqualTo(HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest))
        .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(CertificateFingerprint.parse(identity.fingerprint().toString().toLowerCase()))
        .isEqualTo(identity.fingerprint());
  }

  @Test
  void everyCertificateIsNew() {
    TlsIdentity other = SelfSignedCertificates.generate("ProChat coordinator", new SecureRandom());

    assertThat(other.fingerprint()).isNotEqualTo(identity.fingerprint());
    assertThat(other.certificate().getSerialNumber()).isNotEqualTo(identity.certificate().getSerialNumber());
    assertThat(other.certificate().getSerialNumber().signum()).isPositive();
  }
}

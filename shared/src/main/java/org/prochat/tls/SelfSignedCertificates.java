package org.prochat.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Makes a fresh EC P-256 key and a self-signed X.509 v3 certificate for it, signed with
 * SHA256withECDSA: the one combination every JDK's TLS 1.3 speaks on both ends. The JDK can parse
 * certificates but not make them, so the certificate is written here in DER by hand.
 *
 * <p>Nothing checks the certificate's names or authority: clients pin its fingerprint. So it carries
 * only a common name, a long validity, and the two extensions that say what it is for (not a CA; keys
 * for signatures only). Takes a few milliseconds: call it before event loops start, never on one.
 */
public final class SelfSignedCertificates {
  /** How long a made certificate is valid: pinned certificates are replaced by hand, not by expiry. */
  public static final Duration VALIDITY = Duration.ofDays(100 * 365);

  private static final String EC_PUBLIC_KEY_CURVE = "secp256r1";
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";
  /** Key usage bit 0, digitalSignature: the only use TLS 1.3 makes of a server's EC key. */
  private static final byte DIGITAL_SIGNATURE = (byte) 0x80;

  private SelfSignedCertificates() {}

  /**
   * A new key and certificate for {@code commonName}, valid from an hour ago (clocks differ) for
   * {@link #VALIDITY}.
   */
  public static TlsIdentity generate(String commonName, SecureRandom random) {
    Objects.requireNonNull(commonName, "commonName");
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(EC_PUBLIC_KEY_CURVE), random);
      KeyPair keys = generator.generateKeyPair();
      ZonedDateTime notBefore = ZonedDateTime.now().minusHours(1).truncatedTo(ChronoUnit.SECONDS);
      byte[] toBeSigned = toBeSigned(commonName, keys, notBefore, notBefore.plus(VALIDITY), serialNumber(random));
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate(), random);
      signer.update(toBeSigned);
      byte[] certificate = DerWriter.sequence(toBeSigned, signatureAlgorithm(), DerWriter.bitString(0, signer.sign()));
      X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(certificate));
      return new TlsIdentity(keys.getPrivate(), parsed);
    } catch (GeneralSecurityException e) {
      // EC P-256 and SHA256withECDSA are in every JDK (SunEC); their absence is a broken runtime.
      throw new IllegalStateException("this Java runtime cannot make an EC P-256 certificate", e);
    }
  }

  private static byte[] toBeSigned(String commonName, KeyPair keys, ZonedDateTime notBefore, ZonedDateTime notAfter,
      BigInteger serial) {
    byte[] name = name(commonName);
    return DerWriter.sequence(
        DerWriter.explicit(0, DerWriter.integer(BigInteger.TWO)), // version: v3
        DerWriter.integer(serial),
        signatureAlgorithm(),
        name, // issuer: itself
        DerWriter.sequence(DerWriter.time(notBefore), DerWriter.time(notAfter)),
        name, // subject
        keys.getPublic().getEncoded(), // SubjectPublicKeyInfo: the JDK already encodes it in DER
        DerWriter.explicit(3, DerWriter.sequence(basicConstraints(), keyUsage())));
  }

  /** CN=commonName, as the one attribute of the one relative distinguished name. */
  private static byte[] name(String commonName) {
    return DerWriter.sequence(DerWriter.set(DerWriter.sequence(
        DerWriter.objectIdentifier(COMMON_NAME), DerWriter.utf8String(commonName))));
  }

  /** ecdsa-with-SHA256 takes no parameters: the field is left out, not NULL (RFC 5758, 3.2). */
  private static byte[] signatureAlgorithm() {
    return DerWriter.sequence(DerWriter.objectIdentifier(ECDSA_WITH_SHA256));
  }

  /** Not a CA: an empty BasicConstraints sequence (cA defaults to false), marked critical. */
  private static byte[] basicConstraints() {
    return DerWriter.sequence(DerWriter.objectIdentifier(BASIC_CONSTRAINTS), DerWriter.booleanValue(true),
        DerWriter.octetString(DerWriter.sequence()));
  }

  /** The key signs handshakes and nothing else; marked critical. */
  private static byte[] keyUsage() {
    // Only bit 0 is set, and DER drops trailing zero bits: one byte of which 7 bits are unused.
    byte[] bits = DerWriter.bitString(7, DIGITAL_SIGNATURE);
    return DerWriter.sequence(DerWriter.objectIdentifier(KEY_USAGE), DerWriter.booleanValue(true),
        DerWriter.octetString(bits));
  }

  /** 16 random bytes, positive, never zero: unique enough that two certificates never share one. */
  private static BigInteger serialNumber(SecureRandom random) {
    return new BigInteger(127, random).setBit(126);
  }
}

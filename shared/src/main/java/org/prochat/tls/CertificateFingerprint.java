package org.prochat.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 digest of a certificate's DER encoding: what ProChat pins instead of trusting a
 * certificate authority. Written everywhere (logs, pin files, frames) as 32 upper-case hex pairs
 * joined by colons, {@code 3A:F1:…:09}, the way {@code keytool} and browsers show it.
 */
public final class CertificateFingerprint {
  private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
  private static final Pattern TEXT = Pattern.compile("(?:[0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}");

  private final byte[] digest;

  private CertificateFingerprint(byte[] digest) {
    this.digest = digest;
  }

  /** The fingerprint of {@code certificate}. */
  public static CertificateFingerprint of(X509Certificate certificate) {
    try {
      return new CertificateFingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      // Every JDK has SHA-256, and a parsed certificate always has its encoding.
      throw new IllegalStateException("cannot take the fingerprint of a certificate", e);
    }
  }

  /**
   * Reads the colon-separated form (either case).
   *
   * @throws IllegalArgumentException saying what a fingerprint looks like
   */
  public static CertificateFingerprint parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    if (!TEXT.matcher(trimmed).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a SHA-256 fingerprint (32 hex pairs joined by colons)");
    }
    return new CertificateFingerprint(COLON_HEX.parseHex(trimmed.toUpperCase(Locale.ROOT)));
  }

  /** True when {@code text} reads as a fingerprint ({@link #parse} would accept it). */
  public static boolean isWellFormed(String text) {
    return text != null && TEXT.matcher(text.strip()).matches();
  }

  /** {@code 3A:F1:…:09}: 32 upper-case hex pairs joined by colons. */
  @Override
  public String toString() {
    return COLON_HEX.formatHex(digest);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CertificateFingerprint that && MessageDigest.isEqual(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }
}

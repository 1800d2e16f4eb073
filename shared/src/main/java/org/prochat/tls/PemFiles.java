package org.prochat.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes a TLS identity as the two PEM files admins know: a certificate ({@code BEGIN
 * CERTIFICATE}) and an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}). Every failure is
 * an {@link IOException} whose message names the file and says what is wrong, in one line.
 */
public final class PemFiles {
  private static final String CERTIFICATE = "CERTIFICATE";
  private static final String PRIVATE_KEY = "PRIVATE KEY";
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
  private static final byte[] PROBE = "ProChat key check".getBytes(StandardCharsets.US_ASCII);

  private PemFiles() {}

  /**
   * The identity in {@code certificateFile} (its first certificate) and {@code keyFile}.
   *
   * @throws IOException when a file can't be read, holds no such PEM block, or the key does not
   *     belong to the certificate
   */
  public static TlsIdentity read(Path certificateFile, Path keyFile) throws IOException {
    X509Certificate certificate = readCertificate(certificateFile);
    PrivateKey key = readKey(keyFile, certificate.getPublicKey().getAlgorithm());
    if (!belongTogether(key, certificate)) {
      throw new IOException("the private key in " + keyFile + " does not belong to the certificate in " + certificateFile);
    }
    return new TlsIdentity(key, certificate);
  }

  /** The certificate as a PEM block. */
  public static String certificatePem(X509Certificate certificate) {
    try {
      return pem(CERTIFICATE, certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate always has its encoding", e);
    }
  }

  /** The private key as an unencrypted PKCS#8 PEM block. */
  public static String privateKeyPem(PrivateKey key) {
    return pem(PRIVATE_KEY, key.getEncoded());
  }

  private static X509Certificate readCertificate(Path file) throws IOException {
    byte[] der = block(file, CERTIFICATE);
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IOException(file + " holds no valid X.509 certificate: " + e.getMessage(), e);
    }
  }

  private static PrivateKey readKey(Path file, String algorithm) throws IOException {
    byte[] der = block(file, PRIVATE_KEY);
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " holds no valid PKCS#8 " + algorithm + " private key: " + e.getMessage(), e);
    }
  }

  /** Signs a probe with the key and checks it with the certificate's public key. */
  private static boolean belongTogether(PrivateKey key, X509Certificate certificate) throws IOException {
    String algorithm = switch (key.getAlgorithm()) {
      case "EC" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      case "EdDSA", "Ed25519", "Ed448" -> key.getAlgorithm();
      default -> throw new IOException("ProChat cannot use " + key.getAlgorithm() + " keys; use EC, RSA or Ed25519");
    };
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(PROBE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(PROBE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] block(Path file, String type) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Matcher matcher = BLOCK.matcher(text);
    while (matcher.find()) {
      if (matcher.group(1).equals(type)) {
        try {
          return Base64.getMimeDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
          throw new IOException(file + ": the " + type + " block is not valid Base64", e);
        }
      }
    }
    throw new IOException(file + " holds no PEM " + type + " block (-----BEGIN " + type + "-----)"
        + (type.equals(PRIVATE_KEY) ? "; convert the key with: openssl pkcs8 -topk8 -nocrypt" : ""));
  }

  private static String pem(String type, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }
}

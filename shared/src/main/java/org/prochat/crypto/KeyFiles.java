package org.prochat.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Long-lived key pairs on disk: a comment line, the private key (PKCS#8, base64), the public key
 * ({@link PublicKeys#encode}). Written readable by the owner only, and whole or not at all
 * ({@link OwnerOnlyFiles}).
 */
final class KeyFiles {
  private KeyFiles() {}

  /** The pair kept in {@code file}; a new one of {@code algorithm}, written there, on first use. */
  static KeyPair loadOrCreate(Path file, String algorithm, String comment) throws IOException {
    if (Files.exists(file)) {
      return load(file, algorithm);
    }
    KeyPair fresh;
    try {
      fresh = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no " + algorithm, e);
    }
    save(file, fresh, comment);
    return fresh;
  }

  private static KeyPair load(Path file, String algorithm) throws IOException {
    OwnerOnlyFiles.tightenPermissions(file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    if (lines.size() != 2) {
      throw new IOException(file + " is not a ProChat key file (expected a private and a public key line)");
    }
    try {
      PrivateKey privateKey = KeyFactory.getInstance(algorithm)
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0))));
      PublicKey publicKey = PublicKeys.decode(lines.get(1), algorithm);
      return new KeyPair(publicKey, privateKey);
    } catch (IllegalArgumentException | GeneralSecurityException | CryptoFailure e) {
      throw new IOException(file + " is not a ProChat " + algorithm + " key file: " + e.getMessage(), e);
    }
  }

  private static void save(Path file, KeyPair pair, String comment) throws IOException {
    OwnerOnlyFiles.write(file, "# " + comment + "\n"
        + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
        + PublicKeys.encode(pair.getPublic()) + "\n");
  }
}

package org.prochat.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate and key files: written as admins know them, read back, and every mistake named in one line. */
class PemFilesTest {
  @TempDir
  Path dir;

  private final TlsIdentity identity = SelfSignedCertificates.generate("test", new SecureRandom());

  @Test
  void anIdentityWrittenAsPemReadsBackTheSame() throws IOException {
    Path cert = Files.writeString(dir.resolve("cert.pem"), PemFiles.certificatePem(identity.certificate()));
    Path key = Files.writeString(dir.resolve("key.pem"), PemFiles.privateKeyPem(identity.key()));

    TlsIdentity read = PemFiles.read(cert, key);

    assertThat(read.fingerprint()).isEqualTo(identity.fingerprint());
    assertThat(read.key().getEncoded()).isEqualTo(identity.key().getEncoded());
    assertThat(Files.readString(cert)).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() throws IOException {
    TlsIdentity other = SelfSignedCertificates.generate("other", new SecureRandom());
    Path cert = Files.writeString(dir.resolve("cert.pem"), PemFiles.certificatePem(identity.certificate()));
    Path key = Files.writeString(dir.resolve("key.pem"), PemFiles.privateKeyPem(other.key()));

    assertThatThrownBy(() -> PemFiles.read(cert, key))
        .isInstanceOf(IOException.class)
        .hasMessage("the private key in " + key + " does not belong to the certificate in " + cert);
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nowhere.pem");

    assertThatThrownBy(() -> PemFiles.read(missing, missing))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot read " + missing);
  }

  @Test
  void aKeyFileWithoutAPkcs8BlockSaysHowToConvertIt() throws IOException {
    Path cert = Files.writeString(dir.resolve("cert.pem"), PemFiles.certificatePem(identity.certificate()));
    Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");

    assertThatThrownBy(() -> PemFiles.read(cert, key))
        .hasMessageContaining("holds no PEM PRIVATE KEY block")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
  }
}

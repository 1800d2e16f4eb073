package org.prochat.app.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.client.ChatLinkException;
import org.prochat.client.ServerAddress;
import org.prochat.client.ServerCertificateChangedException;
import org.prochat.client.ServerKeyChangedException;
import org.prochat.client.ServerKeyPins;
import org.prochat.client.TlsPinStore;
import org.prochat.crypto.IdentityKey;
import org.prochat.crypto.PublicKeys;
import org.prochat.tls.CertificateFingerprint;

class PinnedKeysTest {
  private static final ServerAddress SERVER = new ServerAddress("chat.lan", 9090);

  @TempDir
  Path dir;

  private final ServerKeyPins identities = ServerKeyPins.inMemory();

  private PinnedKeys pinned() {
    return new PinnedKeys(dir.resolve("tls-pins"), identities);
  }

  @Test
  void aChangedIdentityIsFoundBehindTheConnectFailureAndAcceptingItPinsTheNewKey() throws Exception {
    String old = IdentityKey.generate().publicKey();
    String presented = IdentityKey.generate().publicKey();
    identities.pin(SERVER, old);

    ServerKeyChange change = pinned()
        .changeBehind(new CompletionException(new ServerKeyChangedException(SERVER, old, presented))).orElseThrow();
    change.accept();

    assertThat(change.kind()).isEqualTo(ServerKeyChange.Kind.IDENTITY);
    assertThat(change.subject()).isEqualTo("the identity of the coordinator at chat.lan:9090");
    assertThat(change.pinned()).isEqualTo(PublicKeys.fingerprint(old));
    assertThat(change.presented()).isEqualTo(PublicKeys.fingerprint(presented));
    assertThat(identities.pinned(SERVER)).contains(presented);
  }

  @Test
  void aChangedCertificateIsFoundAndAcceptingItPinsItInTheTlsPinFile() throws Exception {
    CertificateFingerprint old = fingerprint("01");
    CertificateFingerprint presented = fingerprint("02");

    ServerKeyChange change = pinned()
        .changeBehind(new ServerCertificateChangedException(SERVER, old, presented)).orElseThrow();
    change.accept();

    assertThat(change.kind()).isEqualTo(ServerKeyChange.Kind.CERTIFICATE);
    assertThat(change.presented()).isEqualTo(presented.toString());
    assertThat(TlsPinStore.open(dir.resolve("tls-pins")).pinned(SERVER)).contains(presented);
  }

  @Test
  void anyOtherFailureIsNoKeyChange() {
    assertThat(pinned().changeBehind(new CompletionException(new ChatLinkException("connection refused")))).isEmpty();
  }

  private static CertificateFingerprint fingerprint(String lastByte) {
    return CertificateFingerprint.parse("00:".repeat(31) + lastByte);
  }
}

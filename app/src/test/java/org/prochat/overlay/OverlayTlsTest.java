package org.prochat.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.LinkSecurity;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Hello;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.server.tls.TlsIdentityStore;
import org.prochat.server.tls.TlsSetting;
import org.prochat.tls.CertificateFingerprint;

/**
 * Under a coordinator with TLS the overlay is TLS too: probes and the child's link to its proxy pin
 * the certificate the proxy announced in its hello, and the proxy's peer port refuses plain text.
 */
class OverlayTlsTest {
  @TempDir
  Path dataDir;
  @TempDir
  Path clientDir;
  private LiveCoordinator coordinator;
  private final List<OverlayPeer> peers = new ArrayList<>();

  @BeforeEach
  void startWithTls() throws Exception {
    coordinator = LiveCoordinator.start(dataDir, settings -> settings.tls(TlsSetting.KEPT));
  }

  @AfterEach
  void stop() {
    peers.forEach(OverlayPeer::quit);
    coordinator.close();
  }

  private OverlayPeer join(String nick) {
    OverlayPeer peer = OverlayPeer.join(coordinator.address(), nick,
        ChatClientOptions.DEFAULTS.withTlsPinFile(clientDir.resolve(nick + "-pins")));
    peers.add(peer);
    return peer;
  }

  private List<LinkSecurity> securities(OverlayPeer peer) {
    return peer.heard.all(RecordingListener.Secured.class).stream().map(RecordingListener.Secured::security).toList();
  }

  @Test
  void aChildAttachesToItsProxyOverTlsAndHearsTheRoomThroughIt() throws Exception {
    OverlayPeer alice = join("alice");
    OverlayPeer bob = join("bob");

    assertThat(bob.awaitParent()).isEqualTo("alice");
    alice.client.say("through the proxy, encrypted").join();
    bob.heard.awaitMessage("through the proxy, encrypted");

    CertificateFingerprint coordinatorCertificate = new TlsIdentityStore(dataDir).load("unused").identity().fingerprint();
    List<LinkSecurity> bobs = securities(bob);
    assertThat(bobs.getFirst()).isEqualTo(new LinkSecurity(true, coordinatorCertificate));
    assertThat(bobs.getLast().tls()).isTrue();
    assertThat(bobs.getLast().fingerprint()).as("the proxy's own certificate").isNotEqualTo(coordinatorCertificate);
  }

  @Test
  void theProxysPeerPortRefusesPlainText() throws Exception {
    OverlayPeer alice = join("alice");

    try (Socket plain = new Socket("127.0.0.1", alice.client.peerPort().orElseThrow())) {
      plain.getOutputStream().write((FrameCodec.instance().encodeToString(new Hello(ProtocolLimits.VERSION, "nc")) + "\n")
          .getBytes(StandardCharsets.UTF_8));
      plain.setSoTimeout(10_000);
      String answer = new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.UTF_8)).readLine();

      ErrorFrame refused = (ErrorFrame) FrameCodec.instance().decode(answer);
      assertThat(refused.code()).isEqualTo(ErrorCode.TLS_REQUIRED);
      assertThat(refused.message()).isEqualTo("this peer requires TLS");
    }
  }
}

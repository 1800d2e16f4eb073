package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ChatListener;
import org.prochat.client.ChatRefusedException;
import org.prochat.client.LinkSecurity;
import org.prochat.client.ServerAddress;
import org.prochat.client.TlsPinStore;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Message;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.RoomEvent;
import org.prochat.server.relay.RelayServer;
import org.prochat.server.relay.RelaySettings;
import org.prochat.server.tls.TlsIdentityStore;
import org.prochat.server.tls.TlsSetting;
import org.prochat.tls.CertificateFingerprint;
import org.prochat.tls.SelfSignedCertificates;

/** A relay with {@code --tls} in front of a coordinator with {@code --tls}: TLS on both of its sides. */
class RelayTlsTest extends RunningCoordinator {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path relayDir;
  @TempDir
  Path clientDir;

  private RelayServer relay;

  @AfterEach
  void stopRelay() {
    if (relay != null) {
      relay.close();
    }
  }

  private RelayServer startRelay(CertificateFingerprint coordinatorFingerprint) throws Exception {
    relay = RelayServer.start(new RelaySettings(null, 0, "127.0.0.1", coordinator.chatPort(), RelayTest.SECRET,
        relayDir, TlsSetting.KEPT, true, coordinatorFingerprint));
    return relay;
  }

  private ChatClientOptions options(String who) {
    return ChatClientOptions.DEFAULTS.withTlsPinFile(clientDir.resolve(who + "-pins"));
  }

  private static CertificateFingerprint fingerprintIn(Path dir) throws Exception {
    return new TlsIdentityStore(dir).load("unused").identity().fingerprint();
  }

  @Test
  void anOutsideUserChatsThroughTheRelayOverTlsOnBothSides() throws Exception {
    start(settings -> settings.tls(TlsSetting.KEPT).relaySecret(RelayTest.SECRET));
    startRelay(null);
    CompletableFuture<Message> seen = new CompletableFuture<>();
    ChatClient local = ChatClient.connect(new ServerAddress("127.0.0.1", coordinator.chatPort()), "local",
        new ChatListener() {
          @Override
          public void onRoomEvent(RoomEvent event, boolean history) {
            if (event instanceof Message message) {
              seen.complete(message);
            }
          }
        }, options("local")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    CompletableFuture<LinkSecurity> security = new CompletableFuture<>();

    ChatClient visitor = ChatClient.connect(new ServerAddress("127.0.0.1", relay.port()), "visitor", new ChatListener() {
      @Override
      public void onLinkSecurity(LinkSecurity linkSecurity) {
        security.complete(linkSecurity);
      }
    }, options("visitor")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    visitor.say("from outside, encrypted").get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(seen.get(WAIT.toSeconds(), TimeUnit.SECONDS).from()).isEqualTo("*visitor");
    assertThat(security.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new LinkSecurity(true, fingerprintIn(relayDir)));
    assertThat(TlsPinStore.open(relayDir.resolve("coordinator-pins"))
        .pinned(new ServerAddress("127.0.0.1", coordinator.chatPort()))).contains(fingerprintIn(dataDir));
    visitor.quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    local.quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aPlainUserIsToldTheRelayRequiresTls() throws Exception {
    start(settings -> settings.tls(TlsSetting.KEPT).relaySecret(RelayTest.SECRET));
    startRelay(null);
    RawClient plain = RawClient.connect(relay.port());

    plain.send(new Hello(ProtocolLimits.VERSION, "visitor"));

    ErrorFrame refused = plain.await(ErrorFrame.class);
    assertThat(refused.code()).isEqualTo(ErrorCode.TLS_REQUIRED);
    assertThat(refused.message()).isEqualTo("this relay requires TLS");
    plain.close();
  }

  @Test
  void aRelayExpectingAnotherCoordinatorCertificateLetsNobodyIn() throws Exception {
    start(settings -> settings.tls(TlsSetting.KEPT).relaySecret(RelayTest.SECRET));
    startRelay(SelfSignedCertificates.generate("someone else", new SecureRandom()).fingerprint());

    CompletableFuture<ChatClient> visitor = ChatClient.connect(new ServerAddress("127.0.0.1", relay.port()), "visitor",
        new ChatListener() {}, options("visitor"));

    try {
      visitor.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      throw new AssertionError("the visitor got in through a relay that distrusts its coordinator");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOfSatisfying(ChatRefusedException.class,
          refused -> assertThat(refused.error().code()).isEqualTo(ErrorCode.INTERNAL));
    }
  }
}

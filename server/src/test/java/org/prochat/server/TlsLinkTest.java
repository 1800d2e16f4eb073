package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ChatLinkException;
import org.prochat.client.ChatListener;
import org.prochat.client.LinkSecurity;
import org.prochat.client.ServerAddress;
import org.prochat.client.ServerCertificateChangedException;
import org.prochat.client.TlsPinStore;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Message;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Users;
import org.prochat.server.tls.TlsIdentityStore;
import org.prochat.server.tls.TlsSetting;
import org.prochat.tls.CertificateFingerprint;
import org.prochat.tls.SelfSignedCertificates;

/**
 * A coordinator started with {@code --tls}: clients chat over TLS pinning its certificate, plain
 * clients are told TLS is required (and the library moves to TLS by itself), a changed certificate
 * or a pinned server now speaking plain text is refused before a single frame is sent.
 */
class TlsLinkTest extends RunningCoordinator {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path clientDir;

  private Path pinFile() {
    return clientDir.resolve("pins");
  }

  private ChatClientOptions options() {
    return ChatClientOptions.DEFAULTS.withTlsPinFile(pinFile());
  }

  private ServerAddress address() {
    return new ServerAddress("127.0.0.1", coordinator.chatPort());
  }

  private CertificateFingerprint coordinatorFingerprint() throws IOException {
    return new TlsIdentityStore(dataDir).load("unused: the coordinator made it").identity().fingerprint();
  }

  @Test
  void aClientRequiringTlsChatsWithThePinnedCertificate() throws Exception {
    start(settings -> settings.tls(TlsSetting.KEPT));
    SecurityListener listener = new SecurityListener();

    ChatClient alice = ChatClient.connect(address(), "alice", listener, options().withRequireTls(true))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    alice.say("over TLS").get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(listener.messages.get(WAIT.toSeconds(), TimeUnit.SECONDS).text()).isEqualTo("over TLS");
    assertThat(listener.securities).containsExactly(new LinkSecurity(true, coordinatorFingerprint()));
    assertThat(TlsPinStore.open(pinFile()).pinned(address())).contains(coordinatorFingerprint());
    alice.quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void theCertificateStaysTheSameAcrossRestarts() throws Exception {
    start(settings -> settings.tls(TlsSetting.KEPT));
    CertificateFingerprint first = coordinatorFingerprint();
    ChatClient.connect(address(), "alice", new ChatListener() {}, options()).get(WAIT.toSeconds(), TimeUnit.SECONDS)
        .quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    restart();
    ChatClient again = ChatClient.connect(address(), "alice", new ChatListener() {}, options())
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(coordinatorFingerprint()).isEqualTo(first);
    again.quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aPlainClientIsToldTlsIsRequiredAndClosed() throws Exception {
    start(settings -> settings.tls(TlsSetting.KEPT));
    RawClient plain = connect();

    plain.send(new Hello(ProtocolLimits.VERSION, "nc"));

    ErrorFrame refused = plain.await(ErrorFrame.class);
    assertThat(refused.code()).isEqualTo(ErrorCode.TLS_REQUIRED);
    assertThat(refused.message()).isEqualTo("this coordinator requires TLS");
    assertThat(refused.fatal()).isTrue();
    plain.awaitClosed();
  }

  @Test
  void theLibraryClientMovesToTlsByItselfWithoutAnError() throws Exception {
    start(settings -> settings.tls(TlsSetting.KEPT));
    SecurityListener listener = new SecurityListener();

    ChatClient alice = ChatClient.connect(address(), "alice", listener, options()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(listener.securities).containsExactly(new LinkSecurity(true, coordinatorFingerprint()));
    assertThat(listener.errors).isEmpty();
    alice.quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aChangedCertificateIsRefusedBeforeAnyFrameIsSent() throws Exception {
    start(settings -> settings.tls(TlsSetting.KEPT));
    CertificateFingerprint old = SelfSignedCertificates.generate("old", new SecureRandom()).fingerprint();
    TlsPinStore.open(pinFile()).pin(address(), old);

    CompletableFuture<ChatClient> refused = ChatClient.connect(address(), "mallory", new ChatListener() {}, options());

    ServerCertificateChangedException changed = causeOf(refused, ServerCertificateChangedException.class);
    assertThat(changed.server()).isEqualTo(address());
    assertThat(changed.pinned()).isEqualTo(old);
    assertThat(changed.presented()).isEqualTo(coordinatorFingerprint());
    // Nobody joined: the hello never left the client.
    SecurityListener witness = new SecurityListener();
    ChatClient.connect(address(), "witness", witness, ChatClientOptions.DEFAULTS.withTlsPinFile(clientDir.resolve("other")))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS).quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(witness.users.get(WAIT.toSeconds(), TimeUnit.SECONDS).nicks()).isEmpty();
  }

  @Test
  void acceptingTheNewCertificateLetsTheClientIn() throws Exception {
    start(settings -> settings.tls(TlsSetting.KEPT));
    TlsPinStore.open(pinFile()).pin(address(), SelfSignedCertificates.generate("old", new SecureRandom()).fingerprint());
    ServerCertificateChangedException changed = causeOf(
        ChatClient.connect(address(), "alice", new ChatListener() {}, options()), ServerCertificateChangedException.class);

    TlsPinStore.open(pinFile()).accept(changed);
    SecurityListener listener = new SecurityListener();
    ChatClient alice = ChatClient.connect(address(), "alice", listener, options()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(listener.securities).containsExactly(new LinkSecurity(true, coordinatorFingerprint()));
    alice.quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aPinnedServerThatNowSpeaksPlainTextIsRefused() throws Exception {
    try (ServerSocket plainServer = new ServerSocket(0)) {
      ServerAddress server = new ServerAddress("127.0.0.1", plainServer.getLocalPort());
      TlsPinStore.open(pinFile()).pin(server, SelfSignedCertificates.generate("was TLS", new SecureRandom()).fingerprint());
      CompletableFuture<ChatClient> connecting = ChatClient.connect(server, "alice", new ChatListener() {}, options());

      try (Socket link = plainServer.accept()) {
        // Answers like a plain coordinator would: a line of JSON.
        link.getOutputStream().write("{\"type\":\"error\",\"code\":\"bad_json\",\"message\":\"?\"}\n"
            .getBytes(StandardCharsets.UTF_8));
        ChatLinkException refused = causeOf(connecting, ChatLinkException.class);

        assertThat(refused).hasMessageContaining("answered in plain text").hasMessageContaining("refusing");
        assertThat(firstByte(link.getInputStream())).as("a TLS handshake, not a hello").isEqualTo(0x16);
      }
    }
  }

  @Test
  void aPlainCoordinatorStaysPlainForClientsThatNeverSawTls() throws Exception {
    start();
    SecurityListener listener = new SecurityListener();

    ChatClient alice = ChatClient.connect(address(), "alice", listener, options()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(listener.securities).containsExactly(LinkSecurity.PLAIN);
    assertThat(Files.exists(pinFile())).isFalse();
    alice.quit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static int firstByte(InputStream in) throws IOException {
    return in.read();
  }

  private static <T extends Throwable> T causeOf(CompletableFuture<?> future, Class<T> type) throws Exception {
    try {
      future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(type);
      return type.cast(e.getCause());
    }
    throw new AssertionError("expected the connect to fail with " + type.getSimpleName());
  }

  /** Records what the tests look at: the link's security, errors, the first message. */
  private static final class SecurityListener implements ChatListener {
    final List<LinkSecurity> securities = new CopyOnWriteArrayList<>();
    final List<ErrorFrame> errors = new CopyOnWriteArrayList<>();
    final CompletableFuture<Message> messages = new CompletableFuture<>();
    final CompletableFuture<Users> users = new CompletableFuture<>();

    @Override
    public void onUsers(Users list) {
      users.complete(list);
    }

    @Override
    public void onLinkSecurity(LinkSecurity security) {
      securities.add(security);
    }

    @Override
    public void onError(ErrorFrame error) {
      errors.add(error);
    }

    @Override
    public void onRoomEvent(RoomEvent event, boolean history) {
      if (event instanceof Message message) {
        messages.complete(message);
      }
    }
  }
}

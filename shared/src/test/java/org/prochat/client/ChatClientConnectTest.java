package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Connecting to something that is not a willing coordinator; the real one is tested from the app module. */
class ChatClientConnectTest {
  private final List<String> heard = new CopyOnWriteArrayList<>();

  @Test
  void aPeerThatNeverWelcomesFailsTheConnectAfterTheTimeoutAndTellsTheListenerNothing() throws Exception {
    // Never accepted: the system completes the TCP handshake, but nobody ever answers the hello.
    try (ServerSocket mute = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      ChatClientOptions impatient = ChatClientOptions.DEFAULTS.withConnectTimeout(Duration.ofMillis(300));
      ServerAddress address = new ServerAddress(mute.getInetAddress().getHostAddress(), mute.getLocalPort());

      CompletableFuture<ChatClient> connecting = ChatClient.connect(address, "alice", new DescribingListener(heard), impatient);

      assertThat(connecting).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
          .isInstanceOf(ChatLinkException.class).withMessageContaining("no welcome");
      assertThat(heard).isEmpty();
    }
  }
}

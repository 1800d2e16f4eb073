package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Bye;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Join;
import org.prochat.protocol.Message;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Say;
import org.prochat.protocol.Welcome;
import org.prochat.server.overlay.OverlayLimits;
import org.prochat.server.relay.RelayServer;
import org.prochat.server.relay.RelaySettings;

/** Outside users come in through a relay: named {@code *nick}, only with the right secret, bytes untouched. */
class RelayTest extends RunningCoordinator {
  static final String SECRET = "correct horse battery";

  private RelayServer relay;

  @AfterEach
  void stopRelay() {
    if (relay != null) {
      relay.close();
    }
  }

  @Test
  void aUserThroughTheRelayAppearsAsStarNickToEveryone() throws Exception {
    start(settings -> settings.relaySecret(SECRET));
    relay = RelayServer.start(new RelaySettings(null, 0, "127.0.0.1", coordinator.chatPort(), SECRET));
    RawClient local = join("local");

    RawClient visitor = RawClient.join(relay.port(), "visitor");
    visitor.send(new Say("v1", "hello from outside"));

    assertThat(visitor.welcome().nick()).isEqualTo("*visitor");
    assertThat(local.await(Join.class, j -> j.nick().startsWith("*")).nick()).isEqualTo("*visitor");
    assertThat(local.await(Message.class).from()).isEqualTo("*visitor");
  }

  @Test
  void aRelayWithTheWrongSecretIsRefused() throws Exception {
    start(settings -> settings.relaySecret(SECRET));
    relay = RelayServer.start(new RelaySettings(null, 0, "127.0.0.1", coordinator.chatPort(), "a wrong secret"));

    RawClient visitor = RawClient.connect(relay.port());
    visitor.send(new Hello(ProtocolLimits.VERSION, "visitor"));

    ErrorFrame refused = visitor.await(ErrorFrame.class);
    assertThat(refused.code()).isEqualTo(ErrorCode.RELAY_REFUSED);
    assertThat(refused.fatal()).isTrue();
    visitor.awaitClosed();
  }

  @Test
  void aCoordinatorWithoutARelaySecretTrustsNoRelay() throws Exception {
    start();
    relay = RelayServer.start(new RelaySettings(null, 0, "127.0.0.1", coordinator.chatPort(), SECRET));

    RawClient visitor = RawClient.connect(relay.port());
    visitor.send(new Hello(ProtocolLimits.VERSION, "visitor"));

    assertThat(visitor.await(ErrorFrame.class).code()).isEqualTo(ErrorCode.RELAY_REFUSED);
  }

  @Test
  void afterTheHelloBytesPassThroughUnmodifiedBothWays() throws Exception {
    try (ServerSocket upstream = new ServerSocket(0)) {
      relay = RelayServer.start(new RelaySettings(null, 0, "127.0.0.1", upstream.getLocalPort(), SECRET));
      byte[] oddButValid = "{ \"type\" : \"say\", \"id\":\"x\",\"text\":\"  spaced  \",\"future\":[1,2] }\n"
          .getBytes(StandardCharsets.UTF_8);
      byte[] fromCoordinator = "{\"type\":\"notice\",  \"text\":\"as sent\", \"extra\":true}\n".getBytes(StandardCharsets.UTF_8);

      try (Socket user = new Socket("127.0.0.1", relay.port())) {
        user.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
        OutputStream toRelay = user.getOutputStream();
        // The hello and the next line in one write: the relay must not decode past the hello.
        toRelay.write(concat(line(new Hello(ProtocolLimits.VERSION, "visitor")), oddButValid));
        toRelay.flush();
        try (Socket coordinatorSide = upstream.accept()) {
          coordinatorSide.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
          InputStream fromRelay = coordinatorSide.getInputStream();
          String hello = readLine(fromRelay);
          assertThat(FrameCodec.instance().decode(hello))
              .isEqualTo(new Hello(ProtocolLimits.VERSION, "*visitor", false, null, null, SECRET));
          assertThat(readBytes(fromRelay, oddButValid.length)).isEqualTo(oddButValid);

          coordinatorSide.getOutputStream().write(fromCoordinator);
          coordinatorSide.getOutputStream().flush();
          assertThat(readBytes(user.getInputStream(), fromCoordinator.length)).isEqualTo(fromCoordinator);
        }
      }
    }
  }

  @Test
  void aUserWhoEndsItsStreamEndsItsStreamToTheCoordinatorAndStillGetsTheAnswer() throws Exception {
    try (ServerSocket upstream = new ServerSocket(0)) {
      relay = RelayServer.start(new RelaySettings(null, 0, "127.0.0.1", upstream.getLocalPort(), SECRET));
      byte[] answer = line(new Bye("s1", "lunch"));

      try (Socket user = new Socket("127.0.0.1", relay.port())) {
        user.setSoTimeout((int) RawClient.WAIT.toMillis());
        leaveAfterHello(user);
        user.shutdownOutput();
        try (Socket coordinatorSide = upstream.accept()) {
          readUpToTheBye(coordinatorSide);
          assertThat(coordinatorSide.getInputStream().read()).as("the user's end of stream, passed on").isEqualTo(-1);

          // As the coordinator answers a goodbye: its bye, then it closes.
          coordinatorSide.getOutputStream().write(answer);
        }
        assertThat(readBytes(user.getInputStream(), answer.length)).isEqualTo(answer);
        assertThat(user.getInputStream().read()).as("the coordinator's close, passed on").isEqualTo(-1);
      }
    }
  }

  @Test
  void theCoordinatorsLinkIsReadToItsEndWhenTheUserIsGoneAfterItsGoodbye() throws Exception {
    try (ServerSocket upstream = new ServerSocket(0)) {
      relay = RelayServer.start(new RelaySettings(null, 0, "127.0.0.1", upstream.getLocalPort(), SECRET));

      try (Socket user = new Socket("127.0.0.1", relay.port())) {
        leaveAfterHello(user);
      } // closed outright, as older clients did after their bye
      try (Socket coordinatorSide = upstream.accept()) {
        readUpToTheBye(coordinatorSide);
        assertThat(coordinatorSide.getInputStream().read()).isEqualTo(-1);

        // More than any socket buffer holds (4 MB at most on Linux): the writes end only if the relay
        // keeps reading; a relay that had closed its side would answer them with a reset.
        OutputStream toRelay = coordinatorSide.getOutputStream();
        assertTimeoutPreemptively(RawClient.WAIT, () -> {
          byte[] chunk = new byte[64 * 1024];
          Arrays.fill(chunk, (byte) '.');
          for (int i = 0; i < 256; i++) {
            toRelay.write(chunk);
          }
        });
      }
    }
  }

  @Test
  void aRelayedUserResumesThroughTheRelay() throws Exception {
    start(settings -> settings.relaySecret(SECRET).overlay(new OverlayLimits(4, 64, 6, Duration.ofSeconds(10))));
    relay = RelayServer.start(new RelaySettings(null, 0, "127.0.0.1", coordinator.chatPort(), SECRET));
    RawClient visitor = RawClient.join(relay.port(), "visitor");
    Welcome first = visitor.welcome();
    visitor.drop();

    RawClient again = RawClient.connect(relay.port());
    again.send(new Hello(ProtocolLimits.VERSION, "visitor", false, null,
        new org.prochat.protocol.Resume(first.sid(), first.token(), 0), null));

    Welcome resumed = again.await(Welcome.class);
    assertThat(resumed.sid()).isEqualTo(first.sid());
    assertThat(resumed.nick()).isEqualTo("*visitor");
  }

  /** Says hello and goodbye as {@code visitor}, in one write. */
  private static void leaveAfterHello(Socket user) throws Exception {
    user.getOutputStream().write(concat(line(new Hello(ProtocolLimits.VERSION, "visitor")), line(new Bye(null, "lunch"))));
    user.getOutputStream().flush();
  }

  /** Reads the relayed hello and the bye after it, as the coordinator does. */
  private static void readUpToTheBye(Socket coordinatorSide) throws Exception {
    coordinatorSide.setSoTimeout((int) RawClient.WAIT.toMillis());
    InputStream fromRelay = coordinatorSide.getInputStream();
    assertThat(FrameCodec.instance().decode(readLine(fromRelay))).isInstanceOf(Hello.class);
    assertThat(FrameCodec.instance().decode(readLine(fromRelay))).isEqualTo(new Bye(null, "lunch"));
  }

  private static byte[] line(Frame frame) {
    return (FrameCodec.instance().encodeToString(frame) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static String readLine(InputStream in) throws Exception {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
      assertThat(b).as("the link closed before a whole line came").isNotNegative();
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(InputStream in, int count) throws Exception {
    byte[] bytes = in.readNBytes(count);
    assertThat(bytes).hasSize(count);
    return bytes;
  }
}

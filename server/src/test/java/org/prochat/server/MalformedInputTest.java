package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Message;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Say;
import org.prochat.protocol.Welcome;

class MalformedInputTest extends RunningCoordinator {

  @BeforeEach
  void startCoordinator() throws Exception {
    start();
  }

  @Test
  void garbageFromOneClientGetsErrorsWhileTheOthersKeepChatting() throws Exception {
    RawClient alice = join("alice");
    RawClient bob = join("bob");
    RawClient vandal = join("vandal");

    vandal.sendLine("{\"type\":\"say\",");
    vandal.sendLine("{\"type\":\"self-destruct\"}");
    vandal.sendLine("{\"type\":\"say\",\"id\":\"1\"}");
    vandal.sendLine("{\"type\":\"say\",\"id\":\"2\",\"text\":\"" + "x".repeat(ProtocolLimits.MAX_LINE_BYTES) + "\"}");
    vandal.sendBytes(new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}', '\n'});
    vandal.send(new Say("3", "y".repeat(ProtocolLimits.MAX_TEXT_CODE_POINTS + 1)));
    vandal.send(new Say("4", "line one\nline two"));
    vandal.send(new Message(1, 0, "alice", "forged", "a room event from a client"));
    alice.send(new Say("a", "business as usual"));

    assertThat(bob.await(Message.class).text()).isEqualTo("business as usual");
    for (ErrorCode expected : new ErrorCode[] {ErrorCode.BAD_JSON, ErrorCode.UNKNOWN_TYPE, ErrorCode.BAD_FRAME,
        ErrorCode.LINE_TOO_LONG, ErrorCode.BAD_UTF8, ErrorCode.TEXT_TOO_LONG, ErrorCode.TEXT_INVALID,
        ErrorCode.UNEXPECTED_FRAME}) {
      ErrorFrame error = vandal.await(ErrorFrame.class);
      assertThat(error.code()).isEqualTo(expected);
      assertThat(error.fatal()).isFalse();
    }
    vandal.send(new Say("5", "sorry"));
    assertThat(alice.await(Message.class, m -> m.from().equals("vandal")).text()).isEqualTo("sorry");
  }

  @Test
  void unusableKeysInAHelloAreRefusedAndTheLinkMayTryAgain() throws Exception {
    RawClient client = connect();

    client.send(new Hello(ProtocolLimits.VERSION, "keys", null, null, null, null, null, "not a key", null));

    ErrorFrame refused = client.await(ErrorFrame.class);
    assertThat(refused.code()).isEqualTo(ErrorCode.BAD_FRAME);
    assertThat(refused.message()).contains("keys are not usable");
    assertThat(refused.fatal()).isFalse();
    client.send(new Hello(ProtocolLimits.VERSION, "keys"));
    assertThat(client.await(Welcome.class).nick()).isEqualTo("keys");
  }

  @Test
  void aLinkThatSendsOnlyGarbageIsClosedInTheEnd() throws Exception {
    RawClient vandal = connect();

    for (int i = 0; i < 25; i++) {
      vandal.sendLine("not json " + i);
    }

    vandal.awaitClosed();
    assertThat(vandal.seen(ErrorFrame.class).getLast().fatal()).isTrue();
  }

  @Test
  void aFrameBeforeTheHelloClosesTheLinkWithAReason() throws Exception {
    RawClient client = connect();

    client.send(new Say("1", "hi"));

    assertThat(client.await(ErrorFrame.class).code()).isEqualTo(ErrorCode.HELLO_REQUIRED);
    client.awaitClosed();
  }

  @Test
  void anUnsupportedProtocolVersionIsRefused() throws Exception {
    RawClient client = connect();

    client.send(new Hello(99, "future"));

    ErrorFrame error = client.await(ErrorFrame.class);
    assertThat(error.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
    assertThat(error.message()).contains("version 1");
    client.awaitClosed();
  }

  @Test
  void speakingForAnotherSessionIsRefused() throws Exception {
    RawClient alice = join("alice");
    RawClient mallory = join("mallory");

    mallory.send(new Say(alice.welcome().sid(), "x", "I am alice"));
    mallory.send(new Say(null, "y", "harmless"));

    assertThat(mallory.await(ErrorFrame.class).code()).isEqualTo(ErrorCode.FOREIGN_SESSION);
    assertThat(alice.await(Message.class, m -> m.from().equals("mallory")).text()).isEqualTo("harmless");
    assertThat(alice.seen(Message.class)).noneMatch(m -> m.text().equals("I am alice"));
  }

  @Test
  void aHostileNicknameIsRefusedAndTheServerStaysUp() throws Exception {
    RawClient client = connect();

    client.sendBytes("{\"type\":\"hello\",\"v\":1,\"nick\":\"admin\\u202Etxt.exe\"}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(client.await(ErrorFrame.class).code()).isEqualTo(ErrorCode.NICK_INVALID);

    assertThat(join("honest").nick()).isEqualTo("honest");
  }
}

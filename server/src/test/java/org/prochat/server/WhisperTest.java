package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Ack;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.Say;
import org.prochat.protocol.Whisper;

class WhisperTest extends RunningCoordinator {

  @BeforeEach
  void startCoordinator() throws Exception {
    start();
  }

  @Test
  void aWhisperReachesItsTargetOnlyAndTheSenderIsToldItWasDelivered() throws Exception {
    RawClient alice = join("alice");
    RawClient bob = join("bob");
    RawClient carol = join("carol");

    alice.send(new Whisper("w1", "Bob", "the password is swordfish"));
    alice.send(new Say("after", "public line after the whisper"));

    PrivateMessage received = bob.await(PrivateMessage.class);
    assertThat(received.from()).isEqualTo("alice");
    assertThat(received.to()).isEqualTo("bob");
    assertThat(received.text()).isEqualTo("the password is swordfish");
    assertThat(received.stored()).isFalse();
    assertThat(alice.await(Ack.class, a -> a.id().equals("w1")).status()).isEqualTo(Ack.Status.DELIVERED);
    // Links are written in order: once carol has the later public line, any leak would be in front of it.
    carol.await(Message.class, m -> m.text().startsWith("public line"));
    assertThat(carol.seen(PrivateMessage.class)).isEmpty();
    assertThat(alice.seen(PrivateMessage.class)).isEmpty();
  }

  @Test
  void theMsgCommandWhispersToo() throws Exception {
    RawClient alice = join("alice");
    RawClient bob = join("bob");

    alice.send(new Say("m", "/msg bob see you at noon"));

    assertThat(bob.await(PrivateMessage.class).text()).isEqualTo("see you at noon");
    assertThat(alice.await(Ack.class).status()).isEqualTo(Ack.Status.DELIVERED);
  }

  @Test
  void aWhisperWithoutTextIsExplainedByItsUsage() throws Exception {
    RawClient alice = join("alice");

    alice.send(new Say("m", "/w bob"));

    ErrorFrame error = alice.await(ErrorFrame.class);
    assertThat(error.code()).isEqualTo(ErrorCode.BAD_COMMAND);
    assertThat(error.message()).contains("/w NICK TEXT");
  }

  @Test
  void aWhisperToSomeoneNeverSeenIsRefused() throws Exception {
    RawClient alice = join("alice");

    alice.send(new Whisper("w", "nobody", "hello?"));

    ErrorFrame error = alice.await(ErrorFrame.class);
    assertThat(error.code()).isEqualTo(ErrorCode.UNKNOWN_USER);
    assertThat(error.id()).isEqualTo("w");
  }

  @Test
  void aWhisperToSomeoneOfflineIsQueuedAndDeliveredWhenTheyComeBackAfterARestart() throws Exception {
    RawClient bob = join("bob");
    bob.close();
    RawClient alice = join("alice");
    // Live or in alice's history: either way the room has seen bob go before the whisper.
    alice.await(Leave.class, leave -> leave.nick().equals("bob"));

    alice.send(new Whisper("w1", "bob", "while you were out"));
    assertThat(alice.await(Ack.class).status()).isEqualTo(Ack.Status.QUEUED);
    restart();
    RawClient bobAgain = join("bob");

    PrivateMessage kept = bobAgain.await(PrivateMessage.class);
    assertThat(kept.from()).isEqualTo("alice");
    assertThat(kept.text()).isEqualTo("while you were out");
    assertThat(kept.stored()).isTrue();
    assertThat(bobAgain.await(Notice.class, n -> n.text().contains("kept for you")).text()).startsWith("1 whisper");
  }

  @Test
  void aKeptWhisperIsDeliveredOnlyOnce() throws Exception {
    join("bob").close();
    RawClient alice = join("alice");
    alice.await(Leave.class, leave -> leave.nick().equals("bob"));
    alice.send(new Whisper("w1", "bob", "just once"));
    assertThat(alice.await(Ack.class).status()).isEqualTo(Ack.Status.QUEUED);

    RawClient first = join("bob");
    first.await(PrivateMessage.class);
    first.await(Notice.class, n -> n.text().contains("kept for you"));
    first.close();
    alice.await(Leave.class, leave -> leave.nick().equals("bob"));
    RawClient second = join("bob");
    second.send(new Say("probe", "back again"));

    second.await(Message.class, m -> m.text().equals("back again"));
    assertThat(second.seen(PrivateMessage.class)).isEmpty();
    assertThat(second.seen(Join.class)).isNotEmpty();
  }
}

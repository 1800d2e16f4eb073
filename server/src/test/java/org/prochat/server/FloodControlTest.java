package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Ack;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Say;

class FloodControlTest extends RunningCoordinator {

  @Test
  void aFlooderIsMutedThenDisconnectedWhileOthersKeepChatting() throws Exception {
    start(settings -> settings.flood(new FloodLimits(5, 1.0, Duration.ofMinutes(1), 3)));
    RawClient alice = join("alice");
    RawClient bob = join("bob");
    RawClient flooder = join("flooder");

    for (int i = 0; i < 12; i++) {
      flooder.send(new Say("f" + i, "spam " + i));
    }

    ErrorFrame muted = flooder.await(ErrorFrame.class, e -> e.code() == ErrorCode.MUTED);
    assertThat(muted.id()).isEqualTo("f5");
    assertThat(muted.message()).contains("muted for 60 s");
    ErrorFrame kicked = flooder.await(ErrorFrame.class, e -> e.code() == ErrorCode.FLOODING);
    assertThat(kicked.fatal()).isTrue();
    flooder.awaitClosed();
    assertThat(alice.await(Leave.class, l -> l.nick().equals("flooder")).reason()).contains("flooding");

    alice.send(new Say("a1", "is it quiet now?"));
    assertThat(bob.await(Message.class, m -> m.from().equals("alice")).text()).isEqualTo("is it quiet now?");
    assertThat(bob.seen(Message.class)).filteredOn(m -> m.from().equals("flooder")).hasSize(5);
  }

  @Test
  void aPasteOfTwentyLinesWithTheDefaultLimitsGoesThrough() throws Exception {
    start();
    RawClient typist = join("typist");

    for (int i = 0; i < FloodLimits.DEFAULTS.burst(); i++) {
      typist.send(new Say("p" + i, "pasted line " + i));
    }

    Ack last = typist.await(Ack.class, a -> a.id().equals("p" + (FloodLimits.DEFAULTS.burst() - 1)));
    assertThat(last.status()).isEqualTo(Ack.Status.POSTED);
    assertThat(typist.seen(ErrorFrame.class)).isEmpty();
  }
}

package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Message;
import org.prochat.protocol.Say;

class ConnectionLimitTest extends RunningCoordinator {

  @Test
  void connectionsBeyondThePerAddressLimitAreRefusedWithAnError() throws Exception {
    start(settings -> settings.connections(new ConnectionLimits(2, 100, Duration.ofMinutes(1), true)));
    RawClient first = join("first");
    join("second");

    RawClient third = connect();

    ErrorFrame refused = third.await(ErrorFrame.class);
    assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_CONNECTIONS);
    assertThat(refused.fatal()).isTrue();
    third.awaitClosed();
    first.send(new Say("ok", "still here"));
    assertThat(first.await(Message.class).text()).isEqualTo("still here");
  }

  @Test
  void aClosedConnectionFreesItsPlace() throws Exception {
    start(settings -> settings.connections(new ConnectionLimits(1, 100, Duration.ofMinutes(1), true)));
    RawClient first = join("first");
    first.send(new Say("q", "/quit"));
    first.awaitClosed();

    RawClient again = join("again");

    assertThat(again.welcome().nick()).isEqualTo("again");
  }

  @Test
  void tooManyNewConnectionsInTheWindowAreRefused() throws Exception {
    start(settings -> settings.connections(new ConnectionLimits(100, 3, Duration.ofMinutes(1), true)));
    for (int i = 0; i < 3; i++) {
      join("user" + i).close();
    }

    RawClient fourth = connect();

    assertThat(fourth.await(ErrorFrame.class).code()).isEqualTo(ErrorCode.CONNECTION_RATE);
  }

  @Test
  void loopbackIsExemptUnlessConfiguredOtherwise() throws Exception {
    start(settings -> settings.connections(new ConnectionLimits(1, 1, Duration.ofMinutes(1), false)));

    RawClient first = join("first");
    RawClient second = join("second");

    assertThat(first.nick()).isEqualTo("first");
    assertThat(second.nick()).isEqualTo("second");
  }
}

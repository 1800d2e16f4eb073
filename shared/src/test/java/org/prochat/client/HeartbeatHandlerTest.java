package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Notice;
import org.prochat.protocol.Ping;
import org.prochat.protocol.Pong;

/** Runs the handler on an embedded channel whose clock only moves when the test says so. */
class HeartbeatHandlerTest {
  private final HeartbeatHandler heartbeat = new HeartbeatHandler(Duration.ofSeconds(15), Duration.ofSeconds(45), () -> null);
  private EmbeddedChannel channel;

  @BeforeEach
  void openChannelWithAFrozenClock() {
    channel = new EmbeddedChannel();
    channel.freezeTime();
    channel.pipeline().addLast(heartbeat);
  }

  @Test
  void pingsOncePerInterval() {
    channel.advanceTimeBy(15, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();

    assertThat(channel.<Object>readOutbound()).isInstanceOf(Ping.class);
    assertThat(channel.<Object>readOutbound()).isNull();
  }

  @Test
  void thePongOfAPingGivesTheRoundTripTime() {
    channel.advanceTimeBy(15, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    Ping ping = channel.readOutbound();

    channel.advanceTimeBy(40, TimeUnit.MILLISECONDS);
    channel.writeInbound(new Pong(null, ping.t()));

    assertThat(heartbeat.roundTrip()).isEqualTo(Duration.ofMillis(40));
    assertThat(channel.<Object>readInbound()).as("the pong goes on: it tells the room's head").isEqualTo(new Pong(null, ping.t()));
  }

  @Test
  void theCoordinatorsPingIsAnsweredWithItsOwnTime() {
    channel.writeInbound(new Ping(null, 777));

    assertThat(channel.<Object>readOutbound()).isEqualTo(new Pong(null, 777));
  }

  @Test
  void otherFramesPassThrough() {
    channel.writeInbound(new Notice(null, "hello"));

    assertThat(channel.<Object>readInbound()).isEqualTo(new Notice(null, "hello"));
  }

  @Test
  void aLinkSilentForTheLimitIsClosed() {
    for (int i = 0; i < 3; i++) {
      channel.advanceTimeBy(15, TimeUnit.SECONDS);
      channel.runScheduledPendingTasks();
    }
    assertThat(channel.isOpen()).as("silent for exactly the limit").isTrue();

    channel.advanceTimeBy(15, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();

    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void anythingHeardKeepsTheLinkOpen() {
    for (int i = 0; i < 6; i++) {
      channel.advanceTimeBy(15, TimeUnit.SECONDS);
      channel.runScheduledPendingTasks();
      channel.writeInbound(new Notice(null, "still here"));
    }

    assertThat(channel.isOpen()).isTrue();
  }
}

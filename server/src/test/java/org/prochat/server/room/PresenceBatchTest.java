package org.prochat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Chained;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Presence;
import org.prochat.protocol.ProtocolLimits;

class PresenceBatchTest {

  @Test
  void aFullBatchOfTheLongestNamesAndReasonsFitsALinePlainAndChained() {
    PresenceBatch batch = new PresenceBatch();
    String wkey = "MCowBQYDK2VuAyEA" + "A".repeat(44);
    String reason = "\"quoted\\\" ünïcödé reason ".repeat(5).substring(0, 120);
    for (int i = 0; ; i++) {
      String nick = "漢".repeat(20) + String.format("%04d", i);
      Presence.Change change = i % 2 == 0 ? new Presence.Joined(nick, wkey) : new Presence.Left(nick, reason);
      if (!batch.fits(change)) {
        break;
      }
      batch.add("k" + i, change);
    }

    Presence event = batch.take(Long.MAX_VALUE, Long.MAX_VALUE);
    String plain = FrameCodec.instance().encodeToString(event);
    String chained = FrameCodec.instance().encodeToString(new Chained("A".repeat(44), plain));

    assertThat(event.joined()).isNotEmpty();
    assertThat(event.left()).isNotEmpty();
    assertThat(chained.getBytes(StandardCharsets.UTF_8).length)
        .isLessThan(ProtocolLimits.MAX_LINE_BYTES);
  }

  @Test
  void aLeaveCancelsOnlyAJoinStillPending() {
    PresenceBatch batch = new PresenceBatch();
    batch.add("carol", new Presence.Joined("carol", null));

    assertThat(batch.cancelJoin("carol")).isTrue();
    assertThat(batch.cancelJoin("alice")).isFalse();
    assertThat(batch.isEmpty()).isTrue();
  }

  @Test
  void aNameGivenUpAndTakenAgainIsBothLeftAndJoined() {
    PresenceBatch batch = new PresenceBatch();
    batch.add("alice", new Presence.Left("alice", "quit"));
    batch.add("alice", new Presence.Joined("alice", null));

    Presence event = batch.take(5, 0);

    assertThat(event.left()).extracting(Presence.Left::nick).containsExactly("alice");
    assertThat(event.joined()).extracting(Presence.Joined::nick).containsExactly("alice");
    assertThat(batch.isEmpty()).isTrue();
  }
}

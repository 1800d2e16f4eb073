package org.prochat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Presence;
import org.prochat.protocol.Users;

class AnnouncedRosterTest {

  @Test
  void aPlainSessionsLineIsTheFrameNamingItsSessionAndSeq() throws Exception {
    AnnouncedRoster roster = new AnnouncedRoster(false);
    roster.apply(new Join(1, 0, "bob"));
    roster.apply(new Join(2, 0, "alice"));

    ByteBuf line = roster.plainLine("s7", 41, 0);
    String text = line.toString(StandardCharsets.UTF_8);
    line.release();

    assertThat(text).endsWith("\n");
    assertThat(FrameCodec.instance().decode(text.strip())).isEqualTo(new Users("s7", 41, List.of("alice", "bob"), false));
  }

  @Test
  void presenceTakesLeavesBeforeJoinsSoARetakenNameStays() {
    AnnouncedRoster roster = new AnnouncedRoster(false);
    roster.apply(new Join(1, 0, "alice"));
    roster.apply(new Join(2, 0, "bob"));

    roster.apply(new Presence(3, 0, List.of(new Presence.Joined("alice", null), new Presence.Joined("carol", null)),
        List.of(new Presence.Left("alice", "quit"), new Presence.Left("bob", "quit"))));

    assertThat(roster.frames("s1", 3)).extracting(Users::nicks).containsExactly(List.of("alice", "carol"));
  }

  @Test
  void theListIsMadeAgainOnlyWhenSomeoneCameOrWent() {
    AnnouncedRoster roster = new AnnouncedRoster(false);
    roster.apply(new Join(1, 0, "alice"));
    List<String> before = roster.frames("s1", 1).getFirst().nicks();

    assertThat(roster.frames("s2", 2).getFirst().nicks()).isSameAs(before);
    roster.apply(new Leave(3, 0, "alice", "quit"));
    assertThat(roster.frames("s3", 3).getFirst().nicks()).isEmpty();
  }
}

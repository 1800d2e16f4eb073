package org.prochat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoomSnapshotTest {

  @Test
  void belowIsTheWholeSubtreeWithoutTheUserItself() {
    RoomSnapshot room = new RoomSnapshot(9, 1, 3, List.of(
        user("alice", null, 1), user("bob", "alice", 2), user("carol", "bob", 3),
        user("dave", "alice", 2), user("erin", null, 1)));

    assertThat(room.below("alice")).containsExactlyInAnyOrder("bob", "carol", "dave");
    assertThat(room.below("bob")).containsExactly("carol");
    assertThat(room.below("erin")).isEmpty();
  }

  private static RoomSnapshot.UserView user(String nick, String parent, int depth) {
    return new RoomSnapshot.UserView("s-" + nick, nick, parent, depth, -1, 0);
  }
}

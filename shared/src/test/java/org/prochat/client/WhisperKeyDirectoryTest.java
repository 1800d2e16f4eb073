package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Join;
import org.prochat.protocol.Presence;
import org.prochat.protocol.Users;

class WhisperKeyDirectoryTest {
  private final WhisperKeyDirectory keys = new WhisperKeyDirectory();

  @Test
  void keysComeFromTheListJoinsAndPresenceWhateverTheNamesCase() {
    keys.learn(new Users(null, 1, List.of("bob"), false, Map.of("bob", "key-bob")));
    keys.learn(new Join(null, 2, 0, "carol", "key-carol"));
    keys.learn(new Presence(3, 0, List.of(new Presence.Joined("Dave", "key-dave"), new Presence.Joined("erin", null)),
        List.of()));

    assertThat(keys.keyOf("bob")).contains("key-bob");
    assertThat(keys.keyOf("carol")).contains("key-carol");
    assertThat(keys.keyOf("dave")).contains("key-dave");
    assertThat(keys.keyOf("erin")).isEmpty();
  }

  @Test
  void aNameTakenAgainWithinABatchGetsTheNewcomersKey() {
    keys.learn(new Join(null, 1, 0, "alice", "old-key"));

    keys.learn(new Presence(2, 0, List.of(new Presence.Joined("alice", "new-key")),
        List.of(new Presence.Left("alice", "quit"))));

    assertThat(keys.keyOf("alice")).contains("new-key");
  }
}

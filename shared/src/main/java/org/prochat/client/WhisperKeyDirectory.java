package org.prochat.client;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.prochat.protocol.Join;
import org.prochat.protocol.NicknameRules;
import org.prochat.protocol.Presence;
import org.prochat.protocol.Users;

/**
 * Everyone's whisper key as the coordinator introduced them (user list, joins, presence), by nickname, for
 * end-to-end whispers. Keys of users who left are kept: a whisper to them waits at the coordinator,
 * sealed for the key they had. Client loop only.
 */
final class WhisperKeyDirectory {
  private final Map<String, String> byNickKey = new HashMap<>();

  void learn(Users users) {
    if (users.keys() != null) {
      users.keys().forEach(this::put);
    }
  }

  void learn(Join join) {
    if (join.wkey() != null) {
      put(join.nick(), join.wkey());
    }
  }

  void learn(Presence presence) {
    presence.joined().stream().filter(came -> came.wkey() != null).forEach(came -> put(came.nick(), came.wkey()));
  }

  Optional<String> keyOf(String nick) {
    return Optional.ofNullable(byNickKey.get(NicknameRules.key(nick)));
  }

  private void put(String nick, String key) {
    byNickKey.put(NicknameRules.key(nick), key);
  }
}

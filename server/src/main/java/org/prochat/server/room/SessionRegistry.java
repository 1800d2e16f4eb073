package org.prochat.server.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.prochat.protocol.NicknameRules;
import org.prochat.protocol.ProtocolLimits;

/** The sessions in the room, by id and by nickname. Room loop only. */
final class SessionRegistry {
  private final Map<String, Session> byId = new HashMap<>();
  // Sorted by key, so /online is a walk rather than a sort.
  private final NavigableMap<String, Session> byKey = new TreeMap<>();
  private long counter;

  /** A fresh session id; never reused while the coordinator runs. */
  String nextId() {
    return "s" + (++counter);
  }

  void add(Session session) {
    byId.put(session.id(), session);
    byKey.put(session.key(), session);
  }

  void remove(Session session) {
    byId.remove(session.id());
    byKey.remove(session.key());
  }

  Session byId(String sid) {
    return sid == null ? null : byId.get(sid);
  }

  Session byNick(String nick) {
    return byKey.get(NicknameRules.key(nick));
  }

  int size() {
    return byId.size();
  }

  Collection<Session> all() {
    return byId.values();
  }

  /** {@code asked} when free, else it with a random three-digit suffix (shortened to fit). */
  String freeVariantOf(String asked) {
    if (!byKey.containsKey(NicknameRules.key(asked))) {
      return asked;
    }
    int room = ProtocolLimits.MAX_NICK_CODE_POINTS - 3;
    String base = asked.codePointCount(0, asked.length()) > room
        ? asked.substring(0, asked.offsetByCodePoints(0, room)) : asked;
    while (true) {
      String candidate = base + ThreadLocalRandom.current().nextInt(100, 1000);
      if (!byKey.containsKey(NicknameRules.key(candidate))) {
        return candidate;
      }
    }
  }

  /** Everyone's nickname, sorted for people. */
  List<String> nicksSorted() {
    List<String> nicks = new ArrayList<>(byKey.size());
    for (Session s : byKey.values()) {
      nicks.add(s.nick());
    }
    return nicks;
  }
}

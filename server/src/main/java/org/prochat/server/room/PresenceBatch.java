package org.prochat.server.room;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.prochat.protocol.ListChunks;
import org.prochat.protocol.Presence;

/**
 * The joins and leaves of a big room that wait to be announced together as one {@link Presence}.
 * A user who comes and goes within one batch is announced neither way. Room loop only.
 *
 * <p>Its size is bounded so that the event stays within the line limit in both its forms: the
 * plain line, and the chained one, which carries it escaped inside a string (every quote doubled,
 * a quote or backslash in a reason quadrupled).
 */
final class PresenceBatch {
  /** Bytes the entries of one event may take, counted as the chained form escapes them at worst. */
  static final int BUDGET_BYTES = ListChunks.BUDGET_BYTES;
  /** An entry's quotes, braces and field names, escaped once more in the chained form. */
  private static final int ENTRY_OVERHEAD = 40;

  // By nickname key: a name is held by one present user at a time, so a key has at most one pending
  // join (a newcomer) and one pending leave (an announced user who went, whose name was taken again).
  private final Map<String, Presence.Joined> joined = new LinkedHashMap<>();
  private final Map<String, Presence.Left> left = new LinkedHashMap<>();
  private int bytes;

  boolean isEmpty() {
    return joined.isEmpty() && left.isEmpty();
  }

  /** True when {@code change} fits in the batch; when not, the batch must be announced first. */
  boolean fits(Presence.Change change) {
    return bytes + cost(change) <= BUDGET_BYTES;
  }

  void add(String nickKey, Presence.Change change) {
    switch (change) {
      case Presence.Joined joining -> joined.put(nickKey, joining);
      case Presence.Left leaving -> left.put(nickKey, leaving);
    }
    bytes += cost(change);
  }

  /** Forgets the pending join under {@code nickKey}; false when there is none (the user was announced). */
  boolean cancelJoin(String nickKey) {
    Presence.Joined pending = joined.remove(nickKey);
    if (pending == null) {
      return false;
    }
    bytes -= cost(pending);
    return true;
  }

  /** The batch as event {@code seq}; the batch is empty afterwards. */
  Presence take(long seq, long ts) {
    Presence event = new Presence(seq, ts, new ArrayList<>(joined.values()), new ArrayList<>(left.values()));
    joined.clear();
    left.clear();
    bytes = 0;
    return event;
  }

  private static int cost(Presence.Change change) {
    return ENTRY_OVERHEAD + utf8(change.nick()) + switch (change) {
      // Base64 keys, like nicknames, hold no character JSON escapes.
      case Presence.Joined joining -> joining.wkey() == null ? 0 : utf8(joining.wkey()) + 12;
      case Presence.Left leaving -> 4 * utf8(leaving.reason());
    };
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}

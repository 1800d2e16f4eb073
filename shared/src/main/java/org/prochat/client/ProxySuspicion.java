package org.prochat.client;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.prochat.protocol.PeerAddress;
import org.prochat.protocol.Report;

/**
 * What this client holds against proxies: the one it was assigned, those it caught forging (never
 * probed again), and the report it owes the coordinator. Gaps right after a move are the move's
 * doing, not the proxy's, so they count only once the client has been below it for a while.
 * Client loop only.
 */
final class ProxySuspicion {
  /** Events sent the old way while moving may be missing for this long after an attach or a branch move. */
  static final Duration SETTLING = Duration.ofSeconds(2);

  private final Set<String> distrusted = new HashSet<>();
  private String parent;
  /** When this client last moved (its own attach, or its branch moving with a session above). */
  private long movedAt;
  private Report owed;

  /** The coordinator assigned this proxy. */
  void assigned(String parentSid) {
    parent = parentSid;
  }

  /** The proxy assigned last (null before any). */
  String parent() {
    return parent;
  }

  /** The attach to the assigned proxy was confirmed at {@code nowNanos}. */
  void attached(long nowNanos) {
    movedAt = nowNanos;
  }

  /** A session above this client resumed at {@code nowNanos}, and this client's branch moved with it. */
  void branchMoved(long nowNanos) {
    movedAt = nowNanos;
  }

  /** The proxy forged a frame: never again, and the coordinator hears of it once the client is back. */
  void forged() {
    if (parent != null) {
      distrusted.add(parent);
      owed = new Report(null, parent, Report.Kind.FORGED);
    }
  }

  /** Events went missing below the proxy: a report to send now, unless the client just moved. */
  Optional<Report> dropped(long nowNanos) {
    if (parent == null || nowNanos - movedAt < SETTLING.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(new Report(null, parent, Report.Kind.DROPPED));
  }

  /** The report owed since the last link, if any; it is owed no longer. */
  Optional<Report> pendingReport() {
    Optional<Report> report = Optional.ofNullable(owed);
    owed = null;
    return report;
  }

  /** The candidates not caught forging. */
  List<PeerAddress> trusted(List<PeerAddress> candidates) {
    return candidates.stream().filter(c -> !distrusted.contains(c.sid())).toList();
  }
}

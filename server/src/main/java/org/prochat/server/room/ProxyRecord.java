package org.prochat.server.room;

import java.util.HashSet;
import java.util.Set;
import org.prochat.protocol.Report;

/**
 * What sessions below a proxy reported about it. A proxy caught forging, or reported for losing
 * events by several different users, is not offered to newcomers any more. Each reporter counts once
 * per kind, so one user can't talk a proxy out of the tree by repeating itself. Room loop only.
 */
final class ProxyRecord {
  /** Different users reporting lost events after which a proxy is avoided. */
  static final int DROP_REPORTERS_TO_AVOID = 2;

  private final Set<String> forgedBy = new HashSet<>();
  private final Set<String> droppedBy = new HashSet<>();
  private int reports;

  void reported(String reporter, Report.Kind kind) {
    reports++;
    switch (kind) {
      case FORGED -> forgedBy.add(reporter);
      case DROPPED -> droppedBy.add(reporter);
    }
  }

  /** True when newcomers should not be placed below this proxy. */
  boolean avoided() {
    return !forgedBy.isEmpty() || droppedBy.size() >= DROP_REPORTERS_TO_AVOID;
  }

  /** Reports received, repeats included: for the admin's view. */
  int reports() {
    return reports;
  }
}

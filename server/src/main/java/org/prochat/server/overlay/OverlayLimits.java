package org.prochat.server.overlay;

import java.time.Duration;

/**
 * How the tree may grow: children per proxy, direct children of the coordinator, depth; and how
 * long a session that lost its link is kept for it to come back.
 *
 * <p>Defaults: 4 children per proxy keeps each user's upload small (a home or school uplink carries
 * four copies of the room easily); 64 root slots cover the peers that can't or won't relay; depth 6
 * holds over 5,000 users below each top-level proxy while each extra hop costs well under a
 * millisecond on a LAN. A 20 s grace covers a Wi-Fi hiccup or a proxy dying, without leaving a
 * ghost in the user list for long.
 */
public record OverlayLimits(int maxChildren, int rootSlots, int maxDepth, Duration grace) {
  public static final OverlayLimits DEFAULTS = new OverlayLimits(4, 64, 6, Duration.ofSeconds(20));

  public OverlayLimits {
    if (maxChildren < 0) {
      throw new IllegalArgumentException("max children must not be negative, got " + maxChildren);
    }
    if (rootSlots < 1) {
      throw new IllegalArgumentException("root slots must be at least 1, got " + rootSlots);
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("max depth must be at least 1, got " + maxDepth);
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace period must not be negative");
    }
  }
}

package org.prochat.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.prochat.protocol.Presence;

/**
 * A {@link Presence} event in words, as big rooms put it: "alice, bob and 38 others joined". A
 * thousand names on one line would say nothing to anyone.
 */
public final class PresenceSummary {
  /** Names spelled out before the rest are counted. */
  static final int NAMED = 2;

  private PresenceSummary() {}

  /** Who joined, or empty when nobody did. */
  public static Optional<String> joined(Presence presence) {
    List<String> nicks = presence.joined().stream().map(Presence.Joined::nick).toList();
    return nicks.isEmpty() ? Optional.empty() : Optional.of(names(nicks) + " joined");
  }

  /** Who left, with the reason when only one did; empty when nobody did. */
  public static Optional<String> left(Presence presence) {
    List<Presence.Left> gone = presence.left();
    if (gone.size() == 1) {
      return Optional.of(gone.getFirst().nick() + " left (" + gone.getFirst().reason() + ")");
    }
    List<String> nicks = gone.stream().map(Presence.Left::nick).toList();
    return nicks.isEmpty() ? Optional.empty() : Optional.of(names(nicks) + " left");
  }

  /** Both in one line: "alice and bob joined; carol left (quit)". */
  public static String of(Presence presence) {
    List<String> parts = new ArrayList<>(2);
    joined(presence).ifPresent(parts::add);
    left(presence).ifPresent(parts::add);
    return String.join("; ", parts);
  }

  private static String names(List<String> nicks) {
    int n = nicks.size();
    if (n == 1) {
      return nicks.getFirst();
    }
    if (n <= NAMED + 1) {
      return String.join(", ", nicks.subList(0, n - 1)) + " and " + nicks.getLast();
    }
    int others = n - NAMED;
    return String.join(", ", nicks.subList(0, NAMED)) + " and " + others + " others";
  }
}

package org.prochat.server.overlay;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import java.util.random.RandomGenerator;

/**
 * Picks a newcomer's proxy from the candidates it could reach, by the overlay's four-step rule:
 * <ol>
 *   <li>the lowest round trip newcomer ↔ candidate;</li>
 *   <li>among those tied, the lowest round trip candidate ↔ coordinator;</li>
 *   <li>among those tied, the lowest sum of the two;</li>
 *   <li>among those still tied, one at random.</li>
 * </ol>
 * Two round trips tie when they differ by at most {@link #TIE_ABSOLUTE_MICROS} or
 * {@link #TIE_RELATIVE} of the smaller, whichever is more: measurements on a LAN jitter by a few
 * hundred microseconds, and a difference that small tells nothing about which link is better.
 */
public final class ProxyChooser {
  /** Absolute tie tolerance: 500 µs. */
  public static final long TIE_ABSOLUTE_MICROS = 500;
  /** Relative tie tolerance: 10 %. */
  public static final double TIE_RELATIVE = 0.10;

  private final RandomGenerator random;

  public ProxyChooser(RandomGenerator random) {
    this.random = Objects.requireNonNull(random);
  }

  /**
   * A measured candidate.
   *
   * @param toNewcomerMicros round trip newcomer ↔ candidate, as the newcomer measured it
   * @param toCoordinatorMicros round trip candidate ↔ coordinator, as the candidate reported it;
   *     {@link Long#MAX_VALUE} when it has not reported one yet
   */
  public record Measured<T>(T candidate, long toNewcomerMicros, long toCoordinatorMicros) {
    long combinedMicros() {
      return toCoordinatorMicros == Long.MAX_VALUE ? Long.MAX_VALUE : toNewcomerMicros + toCoordinatorMicros;
    }
  }

  /** The chosen candidate, or null when {@code measured} is empty. */
  public <T> T choose(List<Measured<T>> measured) {
    if (measured.isEmpty()) {
      return null;
    }
    List<Measured<T>> tied = closest(measured, Measured::toNewcomerMicros);
    tied = closest(tied, Measured::toCoordinatorMicros);
    tied = closest(tied, Measured::combinedMicros);
    return tied.get(random.nextInt(tied.size())).candidate();
  }

  /** The candidates whose value ties with the lowest one. */
  private static <T> List<Measured<T>> closest(List<Measured<T>> candidates, ToLongFunction<Measured<T>> value) {
    long best = candidates.stream().mapToLong(value).min().orElseThrow();
    List<Measured<T>> tied = new ArrayList<>();
    for (Measured<T> candidate : candidates) {
      if (ties(value.applyAsLong(candidate), best)) {
        tied.add(candidate);
      }
    }
    return tied;
  }

  static boolean ties(long value, long best) {
    if (best == Long.MAX_VALUE) {
      return value == Long.MAX_VALUE;
    }
    long tolerance = Math.max(TIE_ABSOLUTE_MICROS, (long) (best * TIE_RELATIVE));
    return value - best <= tolerance;
  }
}

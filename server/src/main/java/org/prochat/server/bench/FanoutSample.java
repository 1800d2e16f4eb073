package org.prochat.server.bench;

import java.util.BitSet;

/**
 * The users of a fan-out run whose deliveries are timed: a few spread evenly over the join order,
 * first and last included, because the coordinator writes to its links in join order and the last
 * written wait longest. The others are only counted, their links read in rounds ({@link FanoutDrain}):
 * reading every link the moment data arrives costs the generator a read syscall per burst and link,
 * CPU it takes from the coordinator on the same cores, where real receivers are other machines.
 */
final class FanoutSample {
  /** {@code --timed all}: every user timed, so every link read the moment data arrives. */
  static final int ALL = Integer.MAX_VALUE;

  private final BitSet timed = new BitSet();
  private final int size;

  /**
   * @param requested how many users to time, at least 2 (the first and the last); {@link #ALL}, or
   *     anything above {@code clients}, times every user
   */
  FanoutSample(int clients, int requested) {
    if (requested < 2) {
      throw new IllegalArgumentException("a sample needs the first and the last user: " + requested);
    }
    size = Math.min(requested, clients);
    for (int k = 0; k < size; k++) {
      // Points at least one apart round to distinct users, so the sample has exactly size of them.
      timed.set((int) Math.round((double) k * (clients - 1) / (size - 1)));
    }
  }

  /** How many users are timed. */
  int size() {
    return size;
  }

  /** True when the user who joined {@code user}-th (from 0) is timed. */
  boolean timed(int user) {
    return timed.get(user);
  }
}

package org.prochat.crypto;

/**
 * Box numbers already opened, so a box replayed by someone on the way is refused. Boxes may arrive
 * a little out of order (a session moving from one link to another), so any number within the last
 * {@value #SIZE} of the highest is accepted once; older ones are refused. Not thread-safe.
 */
final class ReplayWindow {
  static final int SIZE = 1024;

  // A bit per number: the coordinator keeps one window per session, so it is kept small.
  private final long[] seen = new long[SIZE / Long.SIZE];
  private long highest = -1;

  /** True (and remembered) when {@code n} is new; false when it was seen or is too old to tell. */
  boolean accept(long n) {
    if (n < 0 || n <= highest - SIZE) {
      return false;
    }
    if (n > highest) {
      for (long skipped = Math.max(highest + 1, n - SIZE + 1); skipped < n; skipped++) {
        set(skipped, false);
      }
      highest = n;
      set(n, true);
      return true;
    }
    if (isSet(n)) {
      return false;
    }
    set(n, true);
    return true;
  }

  private boolean isSet(long n) {
    int slot = (int) (n % SIZE);
    return (seen[slot / Long.SIZE] & (1L << (slot % Long.SIZE))) != 0;
  }

  private void set(long n, boolean value) {
    int slot = (int) (n % SIZE);
    long bit = 1L << (slot % Long.SIZE);
    seen[slot / Long.SIZE] = value ? seen[slot / Long.SIZE] | bit : seen[slot / Long.SIZE] & ~bit;
  }
}

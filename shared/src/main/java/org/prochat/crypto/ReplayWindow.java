package org.prochat.crypto;

/**
 * Box numbers already opened, so a box replayed by someone on the way is refused. Boxes may arrive
 * a little out of order (a session moving from one link to another), so any number within the last
 * {@value #SIZE} of the highest is accepted once; older ones are refused. Not thread-safe.
 */
final class ReplayWindow {
  static final int SIZE = 1024;

  private final boolean[] seen = new boolean[SIZE];
  private long highest = -1;

  /** True (and remembered) when {@code n} is new; false when it was seen or is too old to tell. */
  boolean accept(long n) {
    if (n < 0 || n <= highest - SIZE) {
      return false;
    }
    if (n > highest) {
      for (long skipped = Math.max(highest + 1, n - SIZE + 1); skipped < n; skipped++) {
        seen[slot(skipped)] = false;
      }
      highest = n;
      seen[slot(n)] = true;
      return true;
    }
    if (seen[slot(n)]) {
      return false;
    }
    seen[slot(n)] = true;
    return true;
  }

  private static int slot(long n) {
    return (int) (n % SIZE);
  }
}

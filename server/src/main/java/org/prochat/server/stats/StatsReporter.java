package org.prochat.server.stats;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one status line to the server log each time it runs; schedule it at the configured interval. */
public final class StatsReporter implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(StatsReporter.class);

  private final ServerStats stats;
  private ServerStats.Snapshot previous;

  public StatsReporter(ServerStats stats) {
    this.stats = stats;
    this.previous = stats.snapshot();
  }

  @Override
  public void run() {
    ServerStats.Snapshot now = stats.snapshot();
    log.info(line(now, previous));
    previous = now;
  }

  static String line(ServerStats.Snapshot now, ServerStats.Snapshot before) {
    return String.format(Locale.ROOT,
        "status: %d clients, %d messages (%.1f/s), %d whispers, in %s, out %s, %.0f B per broadcast",
        now.clients(), now.messages(), now.messagesPerSecond(before), now.whispers(),
        bytes(now.bytesIn()), bytes(now.bytesOut()), now.bytesPerBroadcast());
  }

  private static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
  }
}

package org.prochat.server.web;

import org.prochat.server.room.RoomSnapshot;
import org.prochat.server.stats.ServerStats;

/**
 * The coordinator's figures at one moment, as {@code /api/stats}, {@code /metrics} and the page
 * show them.
 *
 * @param at wall-clock time of the sample, milliseconds since the epoch
 * @param clients connected users, as the status line counts them
 * @param users users in the room's tree (including those whose link is lost but who may resume)
 * @param directLinks links the coordinator writes each broadcast to
 * @param maxDepth the deepest level of the proxy tree
 * @param messagesPerSecond public messages per second since the previous sample
 * @param bytesPerBroadcast bytes the coordinator wrote per broadcast, averaged over its whole run
 * @param recentBytesPerBroadcast the same since the previous sample; 0 when nothing was broadcast
 */
record LiveStats(long at, int clients, int users, int directLinks, int maxDepth, long messages, long whispers,
    double messagesPerSecond, long bytesIn, long bytesOut, long broadcasts, long broadcastBytes,
    double bytesPerBroadcast, double recentBytesPerBroadcast, long refusedConnections) {

  static LiveStats of(long at, ServerStats.Snapshot now, ServerStats.Snapshot earlier, RoomSnapshot room) {
    long broadcasts = now.broadcasts() - earlier.broadcasts();
    double recent = broadcasts <= 0 ? 0 : (double) (now.broadcastBytes() - earlier.broadcastBytes()) / broadcasts;
    return new LiveStats(at, now.clients(), room.users().size(), room.directLinks(), room.maxDepth(),
        now.messages(), now.whispers(), now.messagesPerSecond(earlier), now.bytesIn(), now.bytesOut(),
        now.broadcasts(), now.broadcastBytes(), now.bytesPerBroadcast(), recent, now.refusedConnections());
  }
}

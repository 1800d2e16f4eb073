package org.prochat.server.web;

import java.util.Locale;

/**
 * Writes a sample in the Prometheus text exposition format (version 0.0.4): for each metric a
 * {@code # HELP} and a {@code # TYPE} line, then its value. Counters end in {@code _total} and only
 * grow while the coordinator runs; rates are left to the scraper. Stateless.
 */
final class MetricsRenderer {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsRenderer() {}

  static String render(LiveStats stats) {
    StringBuilder out = new StringBuilder(2048);
    gauge(out, "prochat_clients", "Connected users.", stats.clients());
    gauge(out, "prochat_users", "Users in the room's tree, including those who may still resume.", stats.users());
    gauge(out, "prochat_direct_links", "Links the coordinator writes each broadcast to.", stats.directLinks());
    gauge(out, "prochat_tree_depth", "Deepest level of the proxy tree.", stats.maxDepth());
    counter(out, "prochat_messages_total", "Public messages posted.", stats.messages());
    counter(out, "prochat_whispers_total", "Whispers accepted.", stats.whispers());
    counter(out, "prochat_received_bytes_total", "Bytes read from chat links.", stats.bytesIn());
    counter(out, "prochat_sent_bytes_total", "Bytes written to chat links.", stats.bytesOut());
    counter(out, "prochat_broadcasts_total", "Room events fanned out.", stats.broadcasts());
    counter(out, "prochat_broadcast_bytes_total", "Bytes the coordinator wrote for broadcasts.", stats.broadcastBytes());
    counter(out, "prochat_refused_connections_total", "Connections refused by the per-address limits.",
        stats.refusedConnections());
    return out.toString();
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    metric(out, name, "gauge", help, value);
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    metric(out, name, "counter", help, value);
  }

  private static void metric(StringBuilder out, String name, String type, String help, long value) {
    out.append(String.format(Locale.ROOT, "# HELP %s %s\n# TYPE %s %s\n%s %d\n", name, help, name, type, name, value));
  }
}

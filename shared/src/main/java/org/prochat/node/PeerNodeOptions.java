package org.prochat.node;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How a peer node listens and how much it takes on.
 *
 * @param bindAddress where the peer port listens; null for every interface
 * @param port the peer port asked for; when taken the node falls back to a free one (0: always free)
 * @param acceptsChildren false turns relaying off: the node still answers probes but takes no child
 * @param maxChildren most children at once; the coordinator knows its own limit, this is a safety net
 * @param silenceLimit a child that sends nothing this long is dropped (children ping regularly)
 * @param maxBacklogBytes a child whose unsent data grows beyond this is too slow and is dropped; it
 *     re-attaches elsewhere and catches up from history
 * @param tap what the node does with the frames it relays: {@link RelayTap#HONEST} but in tests
 */
public record PeerNodeOptions(InetAddress bindAddress, int port, boolean acceptsChildren, int maxChildren,
    Duration silenceLimit, int maxBacklogBytes, RelayTap tap) {
  public static final int DEFAULT_PORT = 9091;

  public PeerNodeOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("peer port must be 0 to 65535, got " + port);
    }
    if (maxChildren < 0) {
      throw new IllegalArgumentException("max children must not be negative");
    }
    Objects.requireNonNull(tap, "tap");
  }

  /** Relaying on the default port, with the defaults a client uses. */
  public static PeerNodeOptions defaults() {
    return new PeerNodeOptions(null, DEFAULT_PORT, true, 16, Duration.ofSeconds(45), 4 * 1024 * 1024, RelayTap.HONEST);
  }

  public PeerNodeOptions withPort(int newPort) {
    return new PeerNodeOptions(bindAddress, newPort, acceptsChildren, maxChildren, silenceLimit, maxBacklogBytes, tap);
  }

  public PeerNodeOptions withoutRelaying() {
    return new PeerNodeOptions(bindAddress, port, false, maxChildren, silenceLimit, maxBacklogBytes, tap);
  }

  /** Relaying through {@code relayTap} (tests of what a dishonest proxy can and can't do). */
  public PeerNodeOptions withTap(RelayTap relayTap) {
    return new PeerNodeOptions(bindAddress, port, acceptsChildren, maxChildren, silenceLimit, maxBacklogBytes, relayTap);
  }
}

package org.prochat.server.bench;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ClientTrust;
import org.prochat.node.PeerNodeOptions;

/** How the benchmarks' simulated users (real clients, many in this JVM) connect. */
final class SimulatedClientOptions {
  /**
   * A ping every 2 s, so a proxy that vanishes without closing its sockets is noticed within 6 s,
   * not the 45 s a real client allows: the failover runs measure recovery, not that patience.
   */
  static final Duration HEARTBEAT = Duration.ofSeconds(2);

  private SimulatedClientOptions() {}

  /**
   * On {@code loop}, with the peer node {@code peer} (null: none), and without checkpoint signature
   * checks: hundreds of users in one program would each check every signature, and that is what the
   * benchmark would measure (a real client checks the few a second its room makes). They still
   * check the hash chain.
   */
  static ChatClientOptions on(EventLoopGroup loop, PeerNodeOptions peer) {
    return ChatClientOptions.DEFAULTS.withEventLoopGroup(loop).withPeer(peer).withHeartbeatInterval(HEARTBEAT)
        .withTrust(ClientTrust.forSimulatedUsers());
  }
}

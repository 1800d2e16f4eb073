package org.prochat.server.bench;

import io.netty.channel.EventLoopGroup;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ClientTrust;
import org.prochat.node.PeerNodeOptions;

/** How the benchmarks' simulated users (real clients, many in this JVM) connect. */
final class SimulatedClientOptions {
  private SimulatedClientOptions() {}

  /**
   * On {@code loop}, with the peer node {@code peer} (null: none), and without checkpoint signature
   * checks: hundreds of users in one program would each check every signature, and that is what the
   * benchmark would measure (a real client checks the few a second its room makes). They still
   * check the hash chain.
   */
  static ChatClientOptions on(EventLoopGroup loop, PeerNodeOptions peer) {
    return ChatClientOptions.DEFAULTS.withEventLoopGroup(loop).withPeer(peer)
        .withTrust(ClientTrust.forSimulatedUsers());
  }
}

package org.prochat.server.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
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

  /**
   * Threads for all simulated users of a benchmark together: they mostly wait, and the generator must
   * stay small beside the coordinator. A thread per user was hundreds of threads taking turns on the
   * cores with the coordinator's loop.
   */
  static final int USER_THREADS = 2;

  private SimulatedClientOptions() {}

  /** Loops for {@link #USER_THREADS} threads, shared by every simulated user of a run; daemons. */
  static EventLoopGroup userLoops() {
    return new MultiThreadIoEventLoopGroup(USER_THREADS, new DefaultThreadFactory("bench-users", true),
        NioIoHandler.newFactory());
  }

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

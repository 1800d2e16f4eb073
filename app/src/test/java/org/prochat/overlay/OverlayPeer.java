package org.prochat.overlay;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ServerAddress;
import org.prochat.node.PeerNodeOptions;
import org.prochat.protocol.RoomEvent;

/**
 * One user in an overlay test: a real client with a peer node of its own, on an event loop of its
 * own so that {@link #crash()} can take it down like a killed program.
 */
final class OverlayPeer {
  /** Fast heartbeats: a trailing gap is found within one, and a dead link within three. */
  static final Duration HEARTBEAT = Duration.ofMillis(500);

  final String nick;
  final RecordingListener heard;
  final ChatClient client;
  private final EventLoopGroup loop;

  private OverlayPeer(String nick, ChatClient client, EventLoopGroup loop, RecordingListener heard) {
    this.nick = nick;
    this.client = client;
    this.loop = loop;
    this.heard = heard;
  }

  static OverlayPeer join(ServerAddress coordinator, String nick) {
    return join(coordinator, nick, ChatClientOptions.DEFAULTS);
  }

  /**
   * Joins with {@code base} options (for TLS: its pin file; its peer node, a dishonest one say, or else
   * one on a free port) and this test's heartbeat and loop.
   */
  static OverlayPeer join(ServerAddress coordinator, String nick, ChatClientOptions base) {
    return join(coordinator, nick, base, HEARTBEAT);
  }

  /** As {@link #join(ServerAddress, String, ChatClientOptions)}, pinging every {@code heartbeat}. */
  static OverlayPeer join(ServerAddress coordinator, String nick, ChatClientOptions base, Duration heartbeat) {
    EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("peer-" + nick, true),
        NioIoHandler.newFactory());
    RecordingListener heard = new RecordingListener();
    ChatClientOptions options = base
        .withHeartbeatInterval(heartbeat)
        .withEventLoopGroup(loop)
        .withPeer(base.peer() != null ? base.peer() : PeerNodeOptions.defaults().withPort(0));
    ChatClient client = ChatClient.connect(coordinator, nick, heard, options).join();
    return new OverlayPeer(nick, client, loop, heard);
  }

  /** Waits until the client hangs below a proxy, and returns that proxy's nickname. */
  String awaitParent() {
    return heard.awaitFirst(RecordingListener.Routed.class, r -> r.parentNick() != null).parentNick();
  }

  /** Every room event's seq, in the order the listener heard them. */
  List<Long> seqs() {
    return heard.all(RecordingListener.Seen.class).stream().map(RecordingListener.Seen::event).map(RoomEvent::seq).toList();
  }

  /** Takes the client down at once: its sockets close with no goodbye, as when its program is killed. */
  void crash() {
    loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }

  /** Leaves politely and frees the event loop. */
  void quit() {
    client.quit().orTimeout(5, TimeUnit.SECONDS).exceptionally(failure -> null).join();
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}

package org.prochat.server.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.prochat.server.CoordinatorSettings;
import org.prochat.server.room.Room;
import org.prochat.server.stats.ServerStats;
import org.prochat.wire.TlsGateHandler;
import org.prochat.wire.WirePipeline;

/** Builds the pipeline of each client link on the chat port. */
public final class ChatChannelInitializer extends ChannelInitializer<SocketChannel> {
  /**
   * The handler whose context encoded lines are written from: everything above it deals in frames
   * (the codec, the heartbeat) and lets bytes pass; everything below it (TLS, the traffic count)
   * must still see them.
   */
  static final String LINES_ENTRY = "guard";
  private final Room room;
  private final TrafficCounter traffic;
  private final ConnectionGuard guard;
  private final long heartbeatTimeoutMillis;
  private final SslContext tls;

  /** @param tls what the chat port presents when it requires TLS; null for plain TCP */
  public ChatChannelInitializer(Room room, CoordinatorSettings settings, ServerStats stats, SslContext tls) {
    this.room = room;
    this.tls = tls;
    this.traffic = new TrafficCounter(stats);
    this.guard = new ConnectionGuard(settings.connections(), stats);
    this.heartbeatTimeoutMillis = settings.heartbeatTimeout().toMillis();
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    // Raw bytes, for the stats.
    pipeline.addLast("traffic", traffic);
    if (tls != null) {
      // TLS or nothing: a plain client is told in plain text that TLS is required, then closed.
      pipeline.addLast("tls-gate", new TlsGateHandler(tls, () -> true, "coordinator"));
    }
    // Per-address limits, before anything is parsed.
    pipeline.addLast(LINES_ENTRY, guard);
    // Clients ping regularly; silence this long means a dead peer or a half-open link.
    pipeline.addLast("heartbeat", new IdleStateHandler(heartbeatTimeoutMillis, 0, 0, TimeUnit.MILLISECONDS));
    // Lines ↔ frames, with the protocol's limits.
    WirePipeline.addCodec(pipeline);
    // Hello, then everything the user does.
    pipeline.addLast("link", new ClientLinkHandler(room));
  }
}

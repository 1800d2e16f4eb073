package org.prochat.client;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import java.time.Duration;
import org.prochat.wire.WirePipeline;

/** Builds the pipeline of one client link to a coordinator. */
final class ChatLinkInitializer extends ChannelInitializer<SocketChannel> {
  private final ClientSession session;
  private final HeartbeatHandler heartbeat;
  private final Duration welcomeTimeout;

  ChatLinkInitializer(ClientSession session, HeartbeatHandler heartbeat, Duration welcomeTimeout) {
    this.session = session;
    this.heartbeat = heartbeat;
    this.welcomeTimeout = welcomeTimeout;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    // NDJSON lines with the protocol's length limit <-> frames.
    WirePipeline.addCodec(pipeline);
    // Pings, pongs and dead-link detection never reach the session.
    pipeline.addLast("heartbeat", heartbeat);
    // Everything else is the session's business.
    pipeline.addLast("session", new ChatLinkHandler(session, welcomeTimeout));
  }
}

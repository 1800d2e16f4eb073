package org.prochat.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.prochat.wire.WirePipeline;

/** Builds the pipeline of one client link: to the coordinator, or to a proxy above it. */
final class ChatLinkInitializer extends ChannelInitializer<SocketChannel> {
  private final LinkKeeper keeper;
  private final LinkKeeper.Role role;
  private final ChatClientOptions options;
  private final Supplier<String> sid;
  private final SessionKeys keys;
  private final Consumer<Channel> security;

  /** @param security adds TLS to the pipeline when this link speaks it */
  ChatLinkInitializer(LinkKeeper keeper, LinkKeeper.Role role, ChatClientOptions options, Supplier<String> sid,
      SessionKeys keys, Consumer<Channel> security) {
    this.keeper = keeper;
    this.role = role;
    this.options = options;
    this.sid = sid;
    this.keys = keys;
    this.security = security;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    // TLS, when this link speaks it, below everything else.
    security.accept(channel);
    // NDJSON lines with the protocol's length limit <-> frames.
    WirePipeline.addCodec(pipeline);
    // Sealed frames for this session <-> plain ones; anything forged stops here.
    pipeline.addLast("seal", new SealingHandler(keys, sid, role, keeper::forged));
    // Pings, round trips and dead-link detection.
    pipeline.addLast("heartbeat", new HeartbeatHandler(options.heartbeatInterval(), options.silenceLimit(), sid));
    // Everything else goes to the keeper, which knows what this link is for.
    pipeline.addLast("link", new ChatLinkHandler(keeper, role, options.connectTimeout()));
  }
}

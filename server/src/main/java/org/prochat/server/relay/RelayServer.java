package org.prochat.server.relay;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.prochat.server.tls.TlsIdentityStore;
import org.prochat.wire.TlsContexts;
import org.prochat.wire.TlsGateHandler;
import org.prochat.wire.WirePipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running relay. Each user's link and its link to the coordinator share one event loop, so
 * passing bytes between them needs no hand-over. {@link #close()} blocks; not from an event loop.
 */
public final class RelayServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RelayServer.class);
  /** The common name in a certificate the relay makes; users pin it, nobody checks the name. */
  private static final String CERTIFICATE_NAME = "ProChat relay";

  private final EventLoopGroup group;
  private final Channel listener;

  private RelayServer(EventLoopGroup group, Channel listener) {
    this.group = group;
    this.listener = listener;
  }

  /**
   * Settles TLS (its own certificate, made on the first start; what the coordinator must present),
   * then starts listening; returns once users can connect.
   *
   * @throws IOException when the port can't be listened on, or the kept certificate or pins can't be
   *     read or written
   */
  public static RelayServer start(RelaySettings settings) throws IOException {
    // Before the loops run: making a certificate takes a while.
    TlsIdentityStore.Loaded identity = settings.tls().identity(settings.dataDir(), CERTIFICATE_NAME);
    SslContext tls = identity == null ? null : TlsContexts.server(identity.identity());
    if (identity != null) {
      log.info("TLS required of users; {}", identity.describe());
    }
    UpstreamTls upstream = UpstreamTls.settle(settings);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("prochat-relay"),
        NioIoHandler.newFactory());
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        // A user's end of stream is passed on, not taken for a close: see RelayFrontendHandler.
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            if (tls != null) {
              // TLS or nothing; it stays when the codec goes, so the piped bytes are encrypted too.
              channel.pipeline().addLast("tls-gate", new TlsGateHandler(tls, () -> true, "relay"));
            }
            // Frames only until the hello; the frontend then removes the codec and pipes bytes.
            WirePipeline.addCodec(channel.pipeline());
            // One line per read, so what follows the hello stays raw bytes for the pipe.
            ((ByteToMessageDecoder) channel.pipeline().get("lines")).setSingleDecode(true);
            channel.pipeline().addLast("relay", new RelayFrontendHandler(settings, upstream));
          }
        });
    InetSocketAddress address = settings.bind() == null
        ? new InetSocketAddress(settings.listenPort()) : new InetSocketAddress(settings.bind(), settings.listenPort());
    try {
      return new RelayServer(group, bootstrap.bind(address).syncUninterruptibly().channel());
    } catch (Exception e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IOException("cannot listen on port " + settings.listenPort() + ": " + e.getMessage(), e);
    }
  }

  /** The port users connect to. */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** Stops listening and closes every relayed link. */
  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}

package org.prochat.node;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.prochat.protocol.Frame;
import org.prochat.tls.CertificateFingerprint;
import org.prochat.tls.TlsIdentity;
import org.prochat.wire.TlsContexts;
import org.prochat.wire.TlsGateHandler;
import org.prochat.wire.WirePipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's peer node: the peer port, and the relaying between children and the uplink.
 *
 * <p>Threading: the node lives on one event loop, the same one as its owner's uplink; every method
 * except {@link #start} and {@link #close} must be called on it ({@link #loop()}).
 */
public final class PeerNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PeerNode.class);

  private final EventLoop loop;
  private final Channel listener;
  private final NodeRouter router;
  private final TlsIdentity identity;
  /** Read by every new link's TLS gate; only ever turns on. */
  private final AtomicBoolean tlsRequired;

  private PeerNode(EventLoop loop, Channel listener, NodeRouter router, TlsIdentity identity, AtomicBoolean tlsRequired) {
    this.loop = loop;
    this.listener = listener;
    this.router = router;
    this.identity = identity;
    this.tlsRequired = tlsRequired;
  }

  /**
   * Opens the peer port on {@code loop}: the one asked for, or a free one when it is taken. It speaks
   * plain text, and TLS with {@code identity} to whoever starts TLS; from {@link #requireTls} on, only TLS.
   *
   * @param identity the certificate the peer port presents, made before the loop runs it
   * @throws IOException when no port can be opened at all
   */
  public static PeerNode start(PeerNodeOptions options, EventLoop loop, TlsIdentity identity) throws IOException {
    NodeRouter router = new NodeRouter(options, loop);
    SslContext tls = TlsContexts.server(identity);
    AtomicBoolean tlsRequired = new AtomicBoolean();
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(loop, loop)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            // TLS once the owner's uplink is TLS: children and probes then pin this port's certificate.
            channel.pipeline().addLast("tls-gate", new TlsGateHandler(tls, tlsRequired::get, "peer"));
            // Children ping the coordinator through us; silence means a dead child.
            channel.pipeline().addLast("silence",
                new IdleStateHandler(options.silenceLimit().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
            WirePipeline.addCodec(channel.pipeline());
            channel.pipeline().addLast("child", new ChildLinkHandler(router));
          }
        });
    Channel listener;
    try {
      listener = bootstrap.bind(address(options, options.port())).syncUninterruptibly().channel();
    } catch (Exception taken) {
      if (options.port() == 0) {
        throw new IOException("cannot open a peer port: " + taken.getMessage(), taken);
      }
      log.info("Peer port {} is taken; using a free one", options.port());
      try {
        listener = bootstrap.bind(address(options, 0)).syncUninterruptibly().channel();
      } catch (Exception none) {
        throw new IOException("cannot open a peer port: " + none.getMessage(), none);
      }
    }
    return new PeerNode(loop, listener, router, identity, tlsRequired);
  }

  private static InetSocketAddress address(PeerNodeOptions options, int port) {
    return options.bindAddress() == null ? new InetSocketAddress(port) : new InetSocketAddress(options.bindAddress(), port);
  }

  /** The loop this node lives on. */
  public EventLoop loop() {
    return loop;
  }

  /** The port children and probes reach this node on. */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** The SHA-256 fingerprint of the certificate the peer port presents. */
  public CertificateFingerprint fingerprint() {
    return identity.fingerprint();
  }

  /**
   * From now on the peer port refuses plain text: the owner's link to the coordinator is TLS, so its
   * children's must be too. Safe from any thread.
   */
  public void requireTls() {
    tlsRequired.set(true);
  }

  /** This node's own session; frames naming it are delivered locally. */
  public void ownSession(String sid) {
    router.ownSession(sid);
  }

  /** The link toward the coordinator is up: children's frames go up it. */
  public void uplinkUp(Channel uplink) {
    router.uplinkUp(uplink);
  }

  /** The link toward the coordinator is gone; children are not read until the next {@link #uplinkUp}. */
  public void uplinkDown() {
    router.uplinkDown();
  }

  /** The uplink's writability changed: children are read only while it can take more. */
  public void uplinkWritabilityChanged() {
    router.updateChildReading();
  }

  /**
   * A frame that came down the uplink: forwarded to the children it concerns.
   *
   * @return true when this node's own session should handle it too
   */
  public boolean fromUplink(Frame frame) {
    return router.fromUplink(frame);
  }

  /** How many users this node relays for (everyone below it). */
  public int sessionsBelow() {
    return router.sessionsBelow();
  }

  /**
   * Stops listening and drops every child (they re-attach elsewhere). Safe from any thread, the
   * node's loop included: it returns at once and the closing completes on the loop.
   */
  @Override
  public void close() {
    loop.execute(router::dropChildren);
    listener.close();
  }
}

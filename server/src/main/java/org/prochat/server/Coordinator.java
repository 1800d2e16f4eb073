package org.prochat.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.prochat.crypto.IdentityKey;
import org.prochat.protocol.RoomEvent;
import org.prochat.server.net.ChatChannelInitializer;
import org.prochat.server.room.CoordinatorKeys;
import org.prochat.server.room.Room;
import org.prochat.server.stats.ServerStats;
import org.prochat.server.stats.StatsReporter;
import org.prochat.server.store.ChatStore;
import org.prochat.server.store.StoreException;
import org.prochat.server.tls.TlsIdentityStore;
import org.prochat.server.web.WebViewServer;
import org.prochat.wire.TlsContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running coordinator: the store, the room, the chat port and the admin web view.
 *
 * <p>Threading: one event loop carries every client link and the room (no locks, no hand-overs on
 * the hot path); SQLite and the chat log run on the store thread; the web view has its own loop, so
 * browsers never slow the chat. {@link #close()} blocks and must not be called from an event loop.
 */
public final class Coordinator implements AutoCloseable {
  /** The coordinator's identity key, in the data dir: clients pin it, so it must outlive reinstalls. */
  public static final String IDENTITY_FILE = "identity.key";
  private static final Logger log = LoggerFactory.getLogger(Coordinator.class);
  /** The common name in a certificate the coordinator makes; clients pin it, nobody checks the name. */
  private static final String CERTIFICATE_NAME = "ProChat coordinator";

  private final ChatStore store;
  private final EventLoopGroup acceptGroup;
  private final EventLoopGroup roomGroup;
  private final Room room;
  private final ServerStats stats;
  private final List<Channel> listeners;
  private final WebViewServer webView;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Coordinator(ChatStore store, EventLoopGroup acceptGroup, EventLoopGroup roomGroup, Room room,
      ServerStats stats, List<Channel> listeners, WebViewServer webView) {
    this.store = store;
    this.acceptGroup = acceptGroup;
    this.roomGroup = roomGroup;
    this.room = room;
    this.stats = stats;
    this.listeners = listeners;
    this.webView = webView;
  }

  /**
   * Opens the store and starts listening; returns once the chat port and the web view accept
   * connections. The web view starts first, so it sees every room event from the first client on.
   *
   * @throws StoreException when the data directory or store can't be opened
   * @throws IOException when an address can't be listened on, or the kept TLS certificate can't be
   *     read or written (the message names it)
   */
  public static Coordinator start(CoordinatorSettings settings) throws StoreException, IOException {
    // Before any loop runs: making a certificate takes a while.
    SslContext tls = tlsContext(settings);
    ChatStore store = ChatStore.open(settings.dataDir());
    EventLoopGroup acceptGroup = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("prochat-accept"), NioIoHandler.newFactory());
    EventLoopGroup roomGroup = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("prochat-room"), NioIoHandler.newFactory());
    WebViewServer webView = null;
    try {
      EventLoop loop = roomGroup.next();
      ServerStats stats = new ServerStats();
      List<RoomEvent> newest = store.latestEvents(Room.RING_CAPACITY);
      IdentityKey identity = IdentityKey.loadOrCreate(settings.dataDir().resolve(IDENTITY_FILE));
      log.info("Coordinator identity {} (users compare this fingerprint with the one their app shows){}",
          identity.fingerprint(), settings.privateEndToEnd() ? "; whispers are end-to-end encrypted" : "");
      Room room = new Room(settings, store, stats, loop, Clock.systemUTC(), new SecureRandom(), store.lastSeq(),
          newest, store.knownNickKeys(), CoordinatorKeys.forRun(identity, settings.privateEndToEnd()));
      webView = WebViewServer.start(settings, room, stats, newest, tls);
      List<Channel> listeners = listen(settings, acceptGroup, roomGroup, room, stats, tls);
      if (!settings.statsInterval().isZero()) {
        long every = settings.statsInterval().toMillis();
        loop.scheduleAtFixedRate(new StatsReporter(stats), every, every, TimeUnit.MILLISECONDS);
      }
      return new Coordinator(store, acceptGroup, roomGroup, room, stats, listeners, webView);
    } catch (StoreException | IOException | RuntimeException e) {
      if (webView != null) {
        webView.close();
      }
      acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      roomGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      store.close();
      throw e;
    }
  }

  /** The chat port's and web view's TLS, or null for plain TCP; logs the certificate's fingerprint. */
  private static SslContext tlsContext(CoordinatorSettings settings) throws IOException {
    TlsIdentityStore.Loaded loaded = settings.tls().identity(settings.dataDir(), CERTIFICATE_NAME);
    if (loaded == null) {
      return null;
    }
    log.info("TLS required on the chat port and the web view; {}", loaded.describe());
    return TlsContexts.server(loaded.identity());
  }

  private static List<Channel> listen(CoordinatorSettings settings, EventLoopGroup acceptGroup,
      EventLoopGroup roomGroup, Room room, ServerStats stats, SslContext tls) throws IOException {
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptGroup, roomGroup)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 1024 * 1024))
        .childHandler(new ChatChannelInitializer(room, settings, stats, tls));
    List<InetAddress> addresses = settings.bindAddresses().isEmpty()
        ? Collections.singletonList(null) : settings.bindAddresses();
    List<Channel> listeners = new ArrayList<>();
    int port = settings.chatPort();
    for (InetAddress address : addresses) {
      InetSocketAddress endpoint = address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
      try {
        Channel listener = bootstrap.bind(endpoint).sync().channel();
        listeners.add(listener);
        // With port 0 the first bind picks a port; the other addresses use the same one.
        port = ((InetSocketAddress) listener.localAddress()).getPort();
      } catch (Exception e) {
        listeners.forEach(Channel::close);
        throw new IOException("cannot listen on " + describe(endpoint) + ": " + e.getMessage(), e);
      }
    }
    return listeners;
  }

  /** The chat port actually listened on (useful when the settings said 0). */
  public int chatPort() {
    return ((InetSocketAddress) listeners.getFirst().localAddress()).getPort();
  }

  /** Where the chat port listens, for people: "all interfaces port 9090". */
  public String describeChatPort() {
    return listeners.stream().map(c -> describe((InetSocketAddress) c.localAddress()))
        .collect(Collectors.joining(", "));
  }

  /** The web view's HTTP port actually listened on (useful when the settings said 0). */
  public int httpPort() {
    return webView.httpPort();
  }

  /** The web view's WebSocket port actually listened on (useful when the settings said 0). */
  public int wsPort() {
    return webView.wsPort();
  }

  /** The room, for views that read it on its loop. */
  public Room room() {
    return room;
  }

  /** The live counters. */
  public ServerStats stats() {
    return stats;
  }

  /**
   * Graceful shutdown: closes the web view, stops accepting, tells every client why and closes
   * their links, then writes everything the store still holds and closes it. A second call does
   * nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    webView.close();
    listeners.forEach(listener -> listener.close().syncUninterruptibly());
    try {
      room.loop().submit(() -> room.shutdown("the server is shutting down")).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Telling clients about the shutdown failed: {}", e.toString());
    }
    roomGroup.shutdownGracefully(100, 5000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    acceptGroup.shutdownGracefully(0, 1000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    store.close();
    log.info("Coordinator stopped");
  }

  private static String describe(InetSocketAddress endpoint) {
    return (endpoint.getAddress() == null || endpoint.getAddress().isAnyLocalAddress()
        ? "all interfaces" : endpoint.getAddress().getHostAddress()) + " port " + endpoint.getPort();
  }
}

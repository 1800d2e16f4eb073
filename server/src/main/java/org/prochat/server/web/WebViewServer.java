package org.prochat.server.web;

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
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.prochat.protocol.RoomEvent;
import org.prochat.server.CoordinatorSettings;
import org.prochat.server.room.Room;
import org.prochat.server.room.RoomObserver;
import org.prochat.server.stats.ServerStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's admin web view: the HTTP port (login form, page, {@code /api/stats},
 * {@code /metrics}, {@code /healthz}) and the WebSocket port the page streams from, both on the
 * configured HTTP bind address.
 *
 * <p>Threading: everything runs on the view's own single-thread event loop, never on the room's —
 * a slow browser can't delay the chat. The room is only read through {@link LiveSampler} and
 * watched through {@link LiveFeed}, which hand work over. {@link #close()} blocks and must not be
 * called from an event loop.
 */
public final class WebViewServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebViewServer.class);
  private static final long SAMPLE_MILLIS = 1000;
  /** Paths served without the token: the health check and what the login form itself needs. */
  private static final Set<String> OPEN_PATHS = Set.of(WebPageHandler.HEALTH, "/style.css", "/favicon.svg");

  private final EventLoopGroup group;
  private final Room room;
  private final LiveFeed feed;
  private final ServerLogTap.Subscription logSubscription;
  private final ScheduledFuture<?> sampling;
  private final Channel http;
  private final Channel live;
  private final AtomicBoolean closed = new AtomicBoolean();

  private WebViewServer(EventLoopGroup group, Room room, LiveFeed feed, ServerLogTap.Subscription logSubscription,
      ScheduledFuture<?> sampling, Channel http, Channel live) {
    this.group = group;
    this.room = room;
    this.feed = feed;
    this.logSubscription = logSubscription;
    this.sampling = sampling;
    this.http = http;
    this.live = live;
  }

  /**
   * Loads (or creates) the admin token, starts watching the room and the log, and listens on both
   * ports; logs where the view is (and the token, when it was just generated).
   *
   * @param storedEvents the newest stored room events, for the page's history right after a restart
   * @param tls the coordinator's TLS, to serve HTTPS and {@code wss:}; null for plain HTTP
   * @throws IOException when the token file can't be used or a port can't be listened on (the
   *     message says which)
   */
  public static WebViewServer start(CoordinatorSettings settings, Room room, ServerStats stats,
      List<RoomEvent> storedEvents, SslContext tls) throws IOException {
    AdminTokenStore tokens = new AdminTokenStore(settings.dataDir(), new SecureRandom());
    AdminTokenStore.Loaded token = settings.adminToken() != null
        ? new AdminTokenStore.Loaded(settings.adminToken(), false) : tokens.load();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("prochat-web"),
        NioIoHandler.newFactory());
    EventLoop loop = group.next();
    Clock clock = Clock.systemUTC();
    LiveFeed feed = new LiveFeed(loop, storedEvents);
    LiveSampler sampler = new LiveSampler(room, stats, clock);
    ServerLogTap.Subscription logSubscription = ServerLogTap.subscribe(feed::logLine);
    try {
      room.loop().submit(() -> room.observe(feed)).syncUninterruptibly();
      ScheduledFuture<?> sampling = loop.scheduleAtFixedRate(
          () -> sampler.tick().thenAcceptAsync(feed::sample, loop), 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
      WebAssets assets = new WebAssets();
      // The WebSocket port first: the page is told where it is.
      Channel live = listen(group, settings.httpBind(), settings.wsPort(), "WebSocket",
          WebChannelInitializer.live(tls, new AdminAuthHandler(token.token(), Set.of(), assets),
              new LiveSocketHandler(feed, clock)));
      Channel http = listen(group, settings.httpBind(), settings.httpPort(), "HTTP", WebChannelInitializer.pages(tls,
          new LoginHandler(token.token(), assets, tls != null), new AdminAuthHandler(token.token(), OPEN_PATHS, assets),
          new WebPageHandler(assets, sampler, portOf(live), tls != null)));
      WebViewServer server = new WebViewServer(group, room, feed, logSubscription, sampling, http, live);
      server.announce(token, tokens, settings.adminToken() != null, tls != null);
      return server;
    } catch (IOException | RuntimeException e) {
      logSubscription.close();
      room.loop().submit(() -> room.observe(RoomObserver.NONE)).awaitUninterruptibly(5, TimeUnit.SECONDS);
      // Closes a port already listened on, too.
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      throw e;
    }
  }

  /** The HTTP port actually listened on (useful when the settings said 0). */
  public int httpPort() {
    return portOf(http);
  }

  /** The WebSocket port actually listened on (useful when the settings said 0). */
  public int wsPort() {
    return portOf(live);
  }

  /** Stops listening, closes every page's connection and stops watching the room and the log. A second call does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    logSubscription.close();
    sampling.cancel(false);
    http.close().syncUninterruptibly();
    live.close().syncUninterruptibly();
    room.loop().submit(() -> room.observe(RoomObserver.NONE)).awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.submit(feed::closeViewers).awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1000, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }

  private void announce(AdminTokenStore.Loaded token, AdminTokenStore tokens, boolean fromSettings, boolean https) {
    InetSocketAddress address = (InetSocketAddress) http.localAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "localhost" : hostForUrl(address.getAddress());
    String url = (https ? "https://" : "http://") + host + ":" + address.getPort() + "/";
    if (token.generated()) {
      // The one time the secret is shown: the admin needs it to sign in.
      log.info("Web live view at {} (WebSocket port {}); admin token (new, kept in {}): {}", url, wsPort(),
          tokens.file(), token.token().reveal());
    } else {
      log.info("Web live view at {} (WebSocket port {}); admin token {}", url, wsPort(),
          fromSettings ? "from --admin-token" : "in " + tokens.file());
    }
    if (!address.getAddress().isLoopbackAddress()) {
      log.warn("The web view shows private messages and listens beyond this machine ({}); keep the admin token secret",
          address.getAddress().getHostAddress());
    }
  }

  private static String hostForUrl(InetAddress address) {
    String literal = address.getHostAddress();
    return literal.contains(":") ? "[" + literal + "]" : literal;
  }

  private static Channel listen(EventLoopGroup group, InetAddress bind, int port, String what,
      WebChannelInitializer initializer) throws IOException {
    InetSocketAddress endpoint = new InetSocketAddress(bind, port);
    try {
      return new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          // Room for a page's welcome (the recent past); a page that fills even this is too slow and is closed.
          .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(4 * 1024 * 1024, 16 * 1024 * 1024))
          .childHandler(initializer)
          .bind(endpoint).sync().channel();
    } catch (Exception e) {
      throw new IOException("cannot listen for the web view's " + what + " on " + endpoint.getAddress().getHostAddress()
          + " port " + port + ": " + e.getMessage(), e);
    }
  }

  private static int portOf(Channel listener) {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }
}

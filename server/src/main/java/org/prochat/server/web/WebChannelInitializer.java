package org.prochat.server.web;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import java.util.function.Consumer;
import org.prochat.wire.TlsContexts;

/**
 * Builds the pipeline of one web view endpoint: the HTTP port (login, page, API) or the WebSocket
 * port (the live feed). Both start the same way, bounded and authenticated, and differ only in
 * what serves the request once the token is checked.
 */
final class WebChannelInitializer extends ChannelInitializer<SocketChannel> {
  /** Largest request body: the login form is the only one the view reads, and it is tiny. */
  static final int MAX_REQUEST_BYTES = 16 * 1024;
  static final int MAX_REQUEST_LINE = 4096;
  static final int MAX_HEADER_BYTES = 8192;
  /** Largest frame a page may send; its pings are a few bytes. */
  static final int MAX_FRAME_BYTES = 4096;

  private final RequestGuardHandler guard = new RequestGuardHandler();
  private final SslContext tls;
  private final Consumer<ChannelPipeline> endpoint;

  private WebChannelInitializer(SslContext tls, Consumer<ChannelPipeline> endpoint) {
    this.tls = tls;
    this.endpoint = endpoint;
  }

  /**
   * The HTTP port: the login form's target, then the token check, then the page and the API.
   *
   * @param tls the coordinator's TLS for HTTPS, or null for plain HTTP
   */
  static WebChannelInitializer pages(SslContext tls, LoginHandler login, AdminAuthHandler auth, WebPageHandler pages) {
    return new WebChannelInitializer(tls, pipeline -> pipeline
        .addLast("login", login)   // the only requests served without the token, besides open paths
        .addLast("auth", auth)     // 401 unless the token came in the cookie or as a bearer
        .addLast("pages", pages)); // page, files, API, metrics, health
  }

  /**
   * The WebSocket port: its one path, the token check, then the handshake, then the page's frames.
   *
   * @param tls the coordinator's TLS for {@code wss:}, or null for plain {@code ws:}
   */
  static WebChannelInitializer live(SslContext tls, AdminAuthHandler auth, LiveSocketHandler socket) {
    WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
        .websocketPath(LivePathHandler.PATH)
        .decoderConfig(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(MAX_FRAME_BYTES).build())
        .build();
    LivePathHandler path = new LivePathHandler();
    return new WebChannelInitializer(tls, pipeline -> pipeline
        .addLast("path", path)                                        // 404 for anything but the socket's path
        .addLast("auth", auth)                                        // a handshake without the token gets 401
        .addLast("websocket", new WebSocketServerProtocolHandler(config)) // handshake, control frames, size limit
        .addLast("live", socket));                                    // joins the feed, answers the page
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    if (tls != null) {
      // HTTPS: a browser speaking plain HTTP here fails the handshake, which is all it needs to know.
      pipeline.addLast("tls", TlsContexts.serverHandler(tls, channel.alloc()));
    }
    // Bytes ↔ HTTP messages, with a bounded request line and headers.
    pipeline.addLast("http", new HttpServerCodec(MAX_REQUEST_LINE, MAX_HEADER_BYTES, 8192));
    // One whole request at a time; a larger body gets 413 instead of being buffered.
    pipeline.addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES));
    // A request the decoder could not read gets its status and a close.
    pipeline.addLast("guard", guard);
    endpoint.accept(pipeline);
  }
}

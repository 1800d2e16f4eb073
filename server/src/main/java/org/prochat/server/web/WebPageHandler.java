package org.prochat.server.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the page, its files, {@code /api/stats} (JSON), {@code /metrics} (Prometheus text) and
 * {@code /healthz} — to requests the auth handler already let through. Stateless and sharable.
 *
 * <p>The page's Content-Security-Policy allows scripts and styles from the coordinator only (no
 * inline script, so injected markup could run nothing even if it were ever rendered as HTML) and
 * connections to the view's WebSocket port on the host the browser used.
 */
@ChannelHandler.Sharable
final class WebPageHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String HEALTH = "/healthz";
  static final String STATS = "/api/stats";
  static final String METRICS = "/metrics";
  private static final Logger log = LoggerFactory.getLogger(WebPageHandler.class);
  /** A host name or IPv4 address, as it may appear in a CSP source. */
  private static final Pattern PLAIN_HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");

  private final WebAssets assets;
  private final WebAssets.Asset page;
  private final LiveSampler sampler;
  private final int wsPort;
  private final String socketScheme;

  /**
   * @param wsPort the live view's WebSocket port, which the page is told
   * @param tls true when the view is served over TLS: the page then connects with {@code wss:}
   */
  WebPageHandler(WebAssets assets, LiveSampler sampler, int wsPort, boolean tls) {
    this.assets = assets;
    this.page = assets.page(wsPort);
    this.sampler = sampler;
    this.wsPort = wsPort;
    this.socketScheme = tls ? "wss:" : "ws:";
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    String path = new QueryStringDecoder(request.uri()).path();
    if (!request.method().equals(HttpMethod.GET)) {
      FullHttpResponse refusal = WebResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, path + " only answers GET");
      refusal.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
      WebResponses.send(ctx, keepAlive, refusal);
      return;
    }
    switch (path) {
      case HEALTH -> WebResponses.send(ctx, keepAlive, WebResponses.text(HttpResponseStatus.OK, "ok"));
      case STATS -> sampled(ctx, keepAlive, stats ->
          WebResponses.response(HttpResponseStatus.OK, WebResponses.JSON, WebJson.MAPPER.writeValueAsBytes(stats)));
      case METRICS -> sampled(ctx, keepAlive, stats -> WebResponses.response(HttpResponseStatus.OK,
          MetricsRenderer.CONTENT_TYPE, MetricsRenderer.render(stats).getBytes(StandardCharsets.UTF_8)));
      case WebAssets.PAGE -> {
        FullHttpResponse response = WebResponses.response(HttpResponseStatus.OK, page.contentType(), page.bytes());
        response.headers().set(HttpHeaderNames.CONTENT_SECURITY_POLICY, pagePolicy(request));
        WebResponses.send(ctx, keepAlive, response);
      }
      default -> WebResponses.send(ctx, keepAlive, assets.file(path)
          .map(file -> WebResponses.response(HttpResponseStatus.OK, file.contentType(), file.bytes()))
          .orElseGet(() -> WebResponses.text(HttpResponseStatus.NOT_FOUND, "nothing at " + path)));
    }
  }

  /** Answers from a fresh sample, taken on the room's loop and written back on this channel's. */
  private void sampled(ChannelHandlerContext ctx, boolean keepAlive,
      Function<LiveStats, FullHttpResponse> render) {
    sampler.sample().whenCompleteAsync((sample, failure) -> WebResponses.send(ctx, keepAlive, failure == null
        ? render.apply(sample.stats())
        : WebResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "the coordinator is stopping")), ctx.executor());
  }

  private String pagePolicy(FullHttpRequest request) {
    String host = hostOf(request.headers().get(HttpHeaderNames.HOST));
    // An IPv6 literal can't be named in a CSP source; fall back to the scheme alone.
    String socket = host != null && PLAIN_HOST.matcher(host).matches()
        ? socketScheme + "//" + host + ":" + wsPort : socketScheme;
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' " + socket
        + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  }

  /** The host part of a Host header ({@code example.lan:9080} → {@code example.lan}); null when absent. */
  private static String hostOf(String hostHeader) {
    if (hostHeader == null || hostHeader.startsWith("[")) {
      return null;
    }
    int colon = hostHeader.indexOf(':');
    return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("Web request failed: {}", cause.toString());
    ctx.close();
  }
}

package org.prochat.server.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Builds and sends the web view's HTTP responses, each with the headers every response needs: its
 * length, no caching (the view is live and private), no MIME sniffing, no referrer, no framing,
 * and a Content-Security-Policy that allows nothing unless a page handler widens it.
 */
final class WebResponses {
  static final String TEXT = "text/plain; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";
  static final String JSON = "application/json";
  /** For everything that is not a page: no scripts, no styles, no connections, no frames. */
  static final String NOTHING_ALLOWED = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  private WebResponses() {}

  static FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] body) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
        .set("x-content-type-options", "nosniff")
        .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
        .set("referrer-policy", "no-referrer")
        .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, NOTHING_ALLOWED);
    return response;
  }

  /** A plain-text response: {@code text} and a line break. */
  static FullHttpResponse text(HttpResponseStatus status, String text) {
    return response(status, TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** A redirect to {@code location} after a form post ("see other": the browser follows with a GET). */
  static FullHttpResponse seeOther(String location) {
    FullHttpResponse response = text(HttpResponseStatus.SEE_OTHER, "see " + location);
    response.headers().set(HttpHeaderNames.LOCATION, location);
    return response;
  }

  /**
   * Sends {@code response}, then closes the connection unless {@code keepAlive} (what the request
   * asked for; false after input that leaves the rest of the stream untrusted).
   */
  static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
    HttpUtil.setKeepAlive(response, keepAlive);
    ChannelFuture written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }
}

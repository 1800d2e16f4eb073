package org.prochat.server.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * On the WebSocket port, passes only requests for {@link #PATH} on to the handshake and answers
 * anything else with 404 (the handshake handler would pass it on unanswered). Stateless and sharable.
 */
@ChannelHandler.Sharable
final class LivePathHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** Where the page opens its WebSocket. */
  static final String PATH = "/live";

  LivePathHandler() {
    super(false);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (new QueryStringDecoder(request.uri()).path().equals(PATH)) {
      ctx.fireChannelRead(request);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    request.release();
    WebResponses.send(ctx, keepAlive, WebResponses.text(HttpResponseStatus.NOT_FOUND,
        "this port only serves the live view's WebSocket, at " + PATH));
  }
}

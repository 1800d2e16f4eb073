package org.prochat.server.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * Answers requests the HTTP decoder could not read (bad syntax, a request line or headers over the
 * limits) with a status that says so, then closes: after a decoding failure the rest of the stream
 * can't be trusted. Good requests pass on unchanged. Stateless and sharable.
 */
@ChannelHandler.Sharable
final class RequestGuardHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  RequestGuardHandler() {
    super(false);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.decoderResult().isSuccess()) {
      ctx.fireChannelRead(request);
      return;
    }
    Throwable cause = request.decoderResult().cause();
    request.release();
    HttpResponseStatus status = switch (cause) {
      case TooLongHttpLineException e -> HttpResponseStatus.REQUEST_URI_TOO_LONG;
      case TooLongHttpHeaderException e -> HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
      case TooLongFrameException e -> HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
      default -> HttpResponseStatus.BAD_REQUEST;
    };
    WebResponses.send(ctx, false, WebResponses.text(status, "malformed HTTP request: " + cause.getMessage()));
  }
}

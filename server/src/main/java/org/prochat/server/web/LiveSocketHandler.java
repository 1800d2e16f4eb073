package org.prochat.server.web;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One page's WebSocket after the handshake: joins it to the live feed, answers its pings, and
 * answers anything else with an error frame (text it can't read) or a close (binary or fragmented
 * frames, which the page never sends). Pings, pongs and close frames of the WebSocket protocol
 * itself are handled before this. Stateless and sharable.
 */
@ChannelHandler.Sharable
final class LiveSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final Logger log = LoggerFactory.getLogger(LiveSocketHandler.class);

  private final LiveFeed feed;
  private final Clock clock;

  LiveSocketHandler(LiveFeed feed, Clock clock) {
    this.feed = feed;
    this.clock = clock;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
      feed.join(ctx.channel());
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (!(frame instanceof TextWebSocketFrame text) || !frame.isFinalFragment()) {
      ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE,
          "the live view only reads single text frames")).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    LiveMessage answer = isPing(text.text())
        ? new LiveMessage.Pong(clock.millis())
        : new LiveMessage.Error("not understood; the live view only reads {\"type\":\"ping\"}");
    ctx.writeAndFlush(new TextWebSocketFrame(WebJson.encode(answer)));
  }

  private static boolean isPing(String text) {
    try {
      JsonNode request = WebJson.MAPPER.readTree(text);
      return request.isObject() && "ping".equals(request.path("type").asString(null));
    } catch (JacksonException e) {
      return false;
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("Live view connection failed: {}", cause.toString());
    ctx.close();
  }
}

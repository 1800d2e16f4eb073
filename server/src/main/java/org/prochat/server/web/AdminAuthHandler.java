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
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.util.Set;

/**
 * Lets a request through only when it carries the admin token, in the login cookie or as
 * {@code Authorization: Bearer TOKEN}; everything else gets 401 — the login form for a browser
 * asking for the page, a one-line explanation for anything else (API, metrics, WebSocket
 * handshake). A few paths that hold no data are open. Stateless and sharable.
 */
@ChannelHandler.Sharable
final class AdminAuthHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** The login cookie's name; its value is the token itself. */
  static final String COOKIE = "prochat_admin";
  private static final String BEARER = "Bearer ";

  private final AdminToken token;
  private final Set<String> openPaths;
  private final WebAssets assets;

  /**
   * @param openPaths paths served without the token; they must hold no data
   * @param assets where the login form comes from
   */
  AdminAuthHandler(AdminToken token, Set<String> openPaths, WebAssets assets) {
    super(false);
    this.token = token;
    this.openPaths = Set.copyOf(openPaths);
    this.assets = assets;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String path = new QueryStringDecoder(request.uri()).path();
    if (openPaths.contains(path) || authorized(request)) {
      ctx.fireChannelRead(request);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    boolean wantsPage = request.method().equals(HttpMethod.GET) && path.equals("/");
    request.release();
    FullHttpResponse refusal = wantsPage
        ? assets.loginPage(HttpResponseStatus.UNAUTHORIZED, WebAssets.LoginNotice.SIGN_IN)
        : WebResponses.text(HttpResponseStatus.UNAUTHORIZED,
            "401 Unauthorized: the admin token is needed (sign in at /, or send Authorization: Bearer TOKEN)");
    refusal.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"ProChat admin\"");
    WebResponses.send(ctx, keepAlive, refusal);
  }

  private boolean authorized(FullHttpRequest request) {
    String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return token.matches(authorization.substring(BEARER.length()).strip());
    }
    String cookies = request.headers().get(HttpHeaderNames.COOKIE);
    if (cookies == null) {
      return false;
    }
    for (Cookie cookie : ServerCookieDecoder.STRICT.decode(cookies)) {
      if (cookie.name().equals(COOKIE) && token.matches(cookie.value())) {
        return true;
      }
    }
    return false;
  }
}

package org.prochat.server.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The login form's target: {@code POST /login} with the right token sets the login cookie
 * (HttpOnly, so page scripts can't read it; SameSite=Strict, so other sites can't ride on it) and
 * sends the browser to the page; a wrong token gets the form again with 401. {@code POST /logout}
 * clears the cookie. Every other request passes on. Stateless and sharable.
 */
@ChannelHandler.Sharable
final class LoginHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String LOGIN = "/login";
  static final String LOGOUT = "/logout";

  private final AdminToken token;
  private final WebAssets assets;
  private final boolean secureCookie;

  /** @param secureCookie true over HTTPS: the browser then never sends the cookie over plain HTTP */
  LoginHandler(AdminToken token, WebAssets assets, boolean secureCookie) {
    super(false);
    this.token = token;
    this.assets = assets;
    this.secureCookie = secureCookie;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String path = new QueryStringDecoder(request.uri()).path();
    if (!path.equals(LOGIN) && !path.equals(LOGOUT)) {
      ctx.fireChannelRead(request);
      return;
    }
    try {
      WebResponses.send(ctx, HttpUtil.isKeepAlive(request), answer(path, request));
    } finally {
      request.release();
    }
  }

  private FullHttpResponse answer(String path, FullHttpRequest request) {
    if (!request.method().equals(HttpMethod.POST)) {
      FullHttpResponse refusal = WebResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, path + " takes a form POST");
      refusal.headers().set(HttpHeaderNames.ALLOW, HttpMethod.POST.name());
      return refusal;
    }
    if (path.equals(LOGOUT)) {
      return withCookie(WebResponses.seeOther("/"), "", 0);
    }
    CharSequence mimeType = HttpUtil.getMimeType(request);
    if (mimeType == null || !HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED.contentEqualsIgnoreCase(mimeType)) {
      return WebResponses.text(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "the login form posts application/x-www-form-urlencoded");
    }
    String form = request.content().toString(StandardCharsets.UTF_8);
    List<String> given = new QueryStringDecoder(form, StandardCharsets.UTF_8, false).parameters().get("token");
    String candidate = given == null || given.isEmpty() ? null : given.getFirst().strip();
    if (!token.matches(candidate)) {
      return assets.loginPage(HttpResponseStatus.UNAUTHORIZED, WebAssets.LoginNotice.WRONG_TOKEN);
    }
    return withCookie(WebResponses.seeOther("/"), token.reveal(), Long.MIN_VALUE);
  }

  /**
   * @param maxAgeSeconds 0 deletes the cookie; {@link Long#MIN_VALUE} makes it last as long as the browser session
   */
  private FullHttpResponse withCookie(FullHttpResponse response, String value, long maxAgeSeconds) {
    DefaultCookie cookie = new DefaultCookie(AdminAuthHandler.COOKIE, value);
    cookie.setHttpOnly(true);
    cookie.setSecure(secureCookie);
    cookie.setSameSite(CookieHeaderNames.SameSite.Strict);
    cookie.setPath("/");
    cookie.setMaxAge(maxAgeSeconds);
    response.headers().add(HttpHeaderNames.SET_COOKIE, ServerCookieEncoder.STRICT.encode(cookie));
    return response;
  }
}

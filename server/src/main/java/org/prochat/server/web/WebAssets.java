package org.prochat.server.web;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The page's files, read once from {@code web/} on the class path: everything the browser loads
 * comes from the coordinator (a LAN may have no internet). Immutable and thread-safe.
 */
final class WebAssets {
  /** The login form's only style source is our stylesheet; it runs no script. */
  static final String LOGIN_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /** The live view page's path. */
  static final String PAGE = "/";

  private final String page;
  private final String login;
  private final Map<String, Asset> files;

  WebAssets() {
    this.page = read("index.html");
    this.login = read("login.html");
    this.files = Map.of(
        "/app.js", new Asset("text/javascript; charset=utf-8", read("app.js")),
        "/style.css", new Asset("text/css; charset=utf-8", read("style.css")),
        "/favicon.svg", new Asset("image/svg+xml", read("favicon.svg")));
  }

  /** The live view page, which finds its WebSocket at {@code wsPort} on the host it was loaded from. */
  Asset page(int wsPort) {
    return new Asset(WebResponses.HTML, page.replace("{{wsPort}}", Integer.toString(wsPort)));
  }

  /** One of the page's files ({@code /app.js}, {@code /style.css}, {@code /favicon.svg}), if that is one. */
  Optional<Asset> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** The login form with {@code notice} above it. */
  FullHttpResponse loginPage(HttpResponseStatus status, LoginNotice notice) {
    FullHttpResponse response = WebResponses.response(status, WebResponses.HTML,
        login.replace("{{notice}}", notice.text).getBytes(StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_SECURITY_POLICY, LOGIN_POLICY);
    return response;
  }

  /** What the login form says above the field; fixed texts, never anything a request sent. */
  enum LoginNotice {
    SIGN_IN("Enter the admin token. It was printed in the server log on the first start and is kept in the data directory's admin-token file."),
    WRONG_TOKEN("That token is not right. Check the admin-token file in the server's data directory.");

    private final String text;

    LoginNotice(String text) {
      this.text = text;
    }
  }

  /** A file and its media type. */
  record Asset(String contentType, String text) {
    /** A fresh copy of the content in UTF-8. */
    byte[] bytes() {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static String read(String name) {
    try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("web/" + name + " is missing from the class path; the build is broken");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read web/" + name, e);
    }
  }
}

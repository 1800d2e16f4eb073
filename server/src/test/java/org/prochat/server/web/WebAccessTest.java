package org.prochat.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Say;
import org.prochat.protocol.Whisper;
import org.prochat.server.RawClient;
import org.prochat.server.RunningCoordinator;
import tools.jackson.databind.JsonNode;

/** Who gets into the web view, and what they find there: HTTP, the API and the live WebSocket. */
class WebAccessTest extends RunningCoordinator {
  static final String TOKEN = "test-admin-token-0123456789";
  static final String BEARER = "Bearer " + TOKEN;
  static final String COOKIE = AdminAuthHandler.COOKIE + "=" + TOKEN;

  private WebViewClient web;

  @BeforeEach
  void startWithAKnownToken() throws Exception {
    start(settings -> settings.adminToken(TOKEN));
    web = new WebViewClient(coordinator);
  }

  @Test
  void thePageWithoutTheTokenIsTheLoginFormWith401() {
    HttpResponse<String> page = web.get("/");

    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.body()).contains("<form method=\"post\" action=\"/login\"", "name=\"token\"");
    assertThat(page.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"ProChat admin\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/stats", "/metrics", "/app.js", "/index.html", "/no-such-page"})
  void everythingElseWithoutTheTokenIs401AndShowsNothing(String path) {
    HttpResponse<String> response = web.get(path);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).startsWith("401 Unauthorized").doesNotContain("messages");
  }

  @Test
  void theWebSocketHandshakeWithoutTheTokenIs401() {
    assertThatThrownBy(() -> web.openLive(new WebViewClient.LiveListener()).join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
  }

  @Test
  void theWebSocketHandshakeWithAWrongCookieIs401() {
    assertThatThrownBy(() -> web.openLive(new WebViewClient.LiveListener(),
        "Cookie", AdminAuthHandler.COOKIE + "=" + TOKEN + "x").join())
        .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
  }

  @Test
  void aWrongBearerTokenIs401() {
    assertThat(web.get("/api/stats", "Authorization", "Bearer " + TOKEN.substring(1)).statusCode()).isEqualTo(401);
    assertThat(web.get("/api/stats", "Authorization", BEARER + "0").statusCode()).isEqualTo(401);
  }

  @Test
  void aBearerTokenOpensTheApiAndThePage() {
    HttpResponse<String> stats = web.get("/api/stats", "Authorization", BEARER);
    HttpResponse<String> page = web.get("/", "Authorization", BEARER);

    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(stats.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(WebJson.MAPPER.readTree(stats.body()).path("messages").asLong(-1)).isZero();
    assertThat(page.statusCode()).isEqualTo(200);
  }

  @Test
  void theLoginFormSetsAnHttpOnlyStrictCookieThatOpensThePage() {
    HttpResponse<String> login = web.postForm("/login", "token=" + TOKEN);

    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("Location")).hasValue("/");
    String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).startsWith(COOKIE + ";").containsIgnoringCase("HttpOnly").contains("SameSite=Strict", "Path=/");

    HttpResponse<String> page = web.get("/", "Cookie", setCookie.substring(0, setCookie.indexOf(';')));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<meta name=\"prochat-ws-port\" content=\"" + coordinator.wsPort() + "\">");
  }

  @Test
  void thePageForbidsInlineScriptAndOnlyTalksToItsOwnPorts() {
    String policy = web.get("/", "Cookie", COOKIE).headers().firstValue("Content-Security-Policy").orElseThrow();

    assertThat(policy).contains("default-src 'none'", "script-src 'self'",
        "connect-src 'self' ws://127.0.0.1:" + coordinator.wsPort()).doesNotContain("unsafe-inline", "unsafe-eval");
  }

  @Test
  void aWrongTokenAtTheLoginFormGets401AndTheFormAgain() {
    HttpResponse<String> login = web.postForm("/login", "token=not-the-token-at-all");

    assertThat(login.statusCode()).isEqualTo(401);
    assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(login.body()).contains("That token is not right", "action=\"/login\"");
  }

  @Test
  void signingOutExpiresTheCookie() {
    HttpResponse<String> logout = web.postForm("/logout", "");

    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(AdminAuthHandler.COOKIE + "=;")
        .contains("Max-Age=0");
  }

  @Test
  void healthzAnswersWithoutTheTokenAndHoldsNoData() {
    HttpResponse<String> health = web.get("/healthz");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok\n");
  }

  @Test
  void theStatsCountWhatTheRoomDid() throws Exception {
    RawClient alice = join("alice");
    join("bob");
    alice.send(new Say("m1", "hello"));
    alice.send(new Whisper("w1", "bob", "psst"));

    await().atMost(WebViewClient.WAIT).untilAsserted(() -> {
      JsonNode stats = WebJson.MAPPER.readTree(web.get("/api/stats", "Authorization", BEARER).body());
      assertThat(stats.path("messages").asLong()).isEqualTo(1);
      assertThat(stats.path("whispers").asLong()).isEqualTo(1);
      assertThat(stats.path("users").asInt()).isEqualTo(2);
      assertThat(stats.path("clients").asInt()).isEqualTo(2);
      assertThat(stats.path("bytesOut").asLong()).isPositive();
    });
  }

  @Test
  void theLiveSocketGreetsWithTheRecentPastThenStreamsMessagesAndWhispers() throws Exception {
    RawClient alice = join("alice");
    join("bob");
    alice.send(new Say("m1", "before the page opened"));
    alice.await(Ack.class);
    WebViewClient.LiveListener live = new WebViewClient.LiveListener();
    web.openLive(live, "Cookie", COOKIE).join();

    JsonNode welcome = WebJson.MAPPER.readTree(live.await(m -> m.contains("\"type\":\"welcome\"")));
    assertThat(welcome.path("chat").findValuesAsString("text")).contains("before the page opened");

    alice.send(new Say("m2", "after the page opened"));
    alice.send(new Whisper("w1", "bob", "just between us"));

    JsonNode whisper = WebJson.MAPPER.readTree(live.await(m -> m.contains("just between us")))
        .path("chat").findParents("kind").stream().filter(item -> item.path("kind").asString().equals("whisper"))
        .findFirst().orElseThrow();
    assertThat(whisper.path("from").asString()).isEqualTo("alice");
    assertThat(whisper.path("to").asString()).isEqualTo("bob");
    assertThat(whisper.path("text").asString()).isEqualTo("just between us");
  }

  @Test
  void aBearerTokenAlsoOpensTheLiveSocket() {
    WebViewClient.LiveListener live = new WebViewClient.LiveListener();
    web.openLive(live, "Authorization", BEARER).join();

    assertThat(live.await(m -> m.contains("\"type\":\"welcome\""))).isNotEmpty();
  }

  @Test
  void aTakenHttpPortFailsTheStartAndSaysWhichPort() throws Exception {
    coordinator.close();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> start(settings -> settings.httpPort(taken.getLocalPort())))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot listen for the web view's HTTP on 127.0.0.1 port " + taken.getLocalPort());
    }
  }

  @Test
  void withoutATokenSettingTheGeneratedOneInTheDataDirectoryOpensTheView() throws Exception {
    coordinator.close();
    start();
    web = new WebViewClient(coordinator);
    String generated = Files.readString(dataDir.resolve(AdminTokenStore.FILE_NAME)).strip();

    assertThat(web.get("/api/stats", "Authorization", BEARER).statusCode()).isEqualTo(401);
    assertThat(web.get("/api/stats", "Authorization", "Bearer " + generated).statusCode()).isEqualTo(200);
  }
}

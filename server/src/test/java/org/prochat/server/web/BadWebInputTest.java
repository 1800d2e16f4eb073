package org.prochat.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prochat.server.RunningCoordinator;

/** Garbage at the web view gets a clear answer, and the coordinator carries on. */
class BadWebInputTest extends RunningCoordinator {
  private WebViewClient web;

  @BeforeEach
  void startWithAKnownToken() throws Exception {
    start(settings -> settings.adminToken(WebAccessTest.TOKEN));
    web = new WebViewClient(coordinator);
  }

  @AfterEach
  void theCoordinatorStillServesEveryone() throws Exception {
    assertThat(web.get("/healthz").statusCode()).isEqualTo(200);
    assertThat(web.get("/api/stats", "Authorization", WebAccessTest.BEARER).statusCode()).isEqualTo(200);
    assertThat(join("still-here").nick()).isEqualTo("still-here");
  }

  @Test
  void aMalformedRequestGets400AndAClose() throws Exception {
    String answer = web.raw("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(answer).startsWith("HTTP/1.1 400 Bad Request").contains("connection: close", "malformed HTTP request");
  }

  @Test
  void anOversizedBodyGets413() throws Exception {
    String request = "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
        + "Content-Length: " + (WebChannelInitializer.MAX_REQUEST_BYTES + 1) + "\r\n\r\n";
    byte[] body = new byte[WebChannelInitializer.MAX_REQUEST_BYTES + 1];

    String answer = web.raw(concat(request.getBytes(StandardCharsets.US_ASCII), body));

    assertThat(answer).startsWith("HTTP/1.1 413 Request Entity Too Large");
  }

  @Test
  void anOversizedRequestLineGets414() throws Exception {
    String request = "GET /" + "a".repeat(WebChannelInitializer.MAX_REQUEST_LINE) + " HTTP/1.1\r\nHost: x\r\n\r\n";

    assertThat(web.raw(request.getBytes(StandardCharsets.US_ASCII))).startsWith("HTTP/1.1 414");
  }

  @Test
  void oversizedHeadersGet431() throws Exception {
    String request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: " + "b".repeat(WebChannelInitializer.MAX_HEADER_BYTES)
        + "\r\n\r\n";

    assertThat(web.raw(request.getBytes(StandardCharsets.US_ASCII))).startsWith("HTTP/1.1 431");
  }

  @Test
  void aLoginThatIsNotAFormGets415() throws Exception {
    String request = "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
        + "Connection: close\r\n\r\n{}";

    assertThat(web.raw(request.getBytes(StandardCharsets.US_ASCII))).startsWith("HTTP/1.1 415");
  }

  @Test
  void garbageTextFromThePageGetsAnErrorAndTheSocketStaysUsable() {
    WebViewClient.LiveListener live = new WebViewClient.LiveListener();
    WebSocket socket = web.openLive(live, "Cookie", WebAccessTest.COOKIE).join();
    live.await(m -> m.contains("\"type\":\"welcome\""));

    socket.sendText("{{{ not json", true).join();
    assertThat(live.await(m -> m.contains("\"type\":\"error\""))).contains("not understood");

    socket.sendText("{\"type\":\"ping\"}", true).join();
    assertThat(live.await(m -> m.contains("\"type\":\"pong\""))).isNotEmpty();
  }

  @Test
  void aBinaryFrameClosesTheSocketAsUnsupported() {
    WebViewClient.LiveListener live = new WebViewClient.LiveListener();
    WebSocket socket = web.openLive(live, "Cookie", WebAccessTest.COOKIE).join();

    socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();

    assertThat(live.awaitClose()).isEqualTo(1003);
  }

  @Test
  void anOversizedFrameClosesTheSocketAsTooBig() {
    WebViewClient.LiveListener live = new WebViewClient.LiveListener();
    WebSocket socket = web.openLive(live, "Cookie", WebAccessTest.COOKIE).join();

    socket.sendText("x".repeat(WebChannelInitializer.MAX_FRAME_BYTES + 1), true).join();

    assertThat(live.awaitClose()).isEqualTo(1009);
  }

  @Test
  void aRequestForAnotherPathOnTheWebSocketPortGets404() throws Exception {
    String answer = WebViewClient.raw(coordinator.wsPort(),
        "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(answer).startsWith("HTTP/1.1 404");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}

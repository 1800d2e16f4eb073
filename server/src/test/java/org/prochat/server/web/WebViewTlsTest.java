package org.prochat.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prochat.server.RunningCoordinator;
import org.prochat.server.tls.TlsIdentityStore;
import org.prochat.server.tls.TlsSetting;
import org.prochat.tls.CertificatePin;
import org.prochat.tls.PinningTrustManager;

/** With {@code --tls} the web view serves HTTPS and {@code wss:} with the chat port's certificate. */
class WebViewTlsTest extends RunningCoordinator {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TOKEN = "a-test-token-long-enough";

  private HttpClient https;

  @BeforeEach
  void startWithTls() throws Exception {
    start(settings -> settings.tls(TlsSetting.KEPT).adminToken(TOKEN));
    // Trusts exactly the coordinator's certificate, as a pinning admin would.
    SSLContext tls = SSLContext.getInstance("TLSv1.3");
    tls.init(null, new TrustManager[] {new PinningTrustManager(CertificatePin.exactly(
        new TlsIdentityStore(dataDir).load("unused").identity().fingerprint()))}, null);
    https = HttpClient.newBuilder().sslContext(tls).connectTimeout(WAIT).version(HttpClient.Version.HTTP_1_1).build();
  }

  private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + coordinator.httpPort() + path))
        .timeout(WAIT);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theHealthCheckAnswersOverHttps() throws Exception {
    HttpResponse<String> health = get("/healthz");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body().strip()).isEqualTo("ok");
  }

  @Test
  void theStatsAnswerOverHttpsWithTheToken() throws Exception {
    HttpResponse<String> stats = get("/api/stats", "Authorization", "Bearer " + TOKEN);

    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(stats.body()).contains("\"clients\"");
  }

  @Test
  void thePageMayConnectOnlyToTheSecureWebSocket() throws Exception {
    HttpResponse<String> page = get("/", "Authorization", "Bearer " + TOKEN);

    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
        assertThat(policy).contains("connect-src 'self' wss://127.0.0.1:" + coordinator.wsPort()).doesNotContain("ws://"));
  }

  @Test
  void theLoginCookieIsSentOverTlsOnly() throws Exception {
    HttpResponse<String> login = https.send(HttpRequest.newBuilder(
            URI.create("https://127.0.0.1:" + coordinator.httpPort() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN)).timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
        assertThat(cookie).contains("; Secure", "SameSite=Strict"));
  }

  @Test
  void theLiveFeedOpensOverWss() throws Exception {
    WebSocket socket = https.newWebSocketBuilder().header("Authorization", "Bearer " + TOKEN).connectTimeout(WAIT)
        .buildAsync(URI.create("wss://127.0.0.1:" + coordinator.wsPort() + "/live"), new WebSocket.Listener() {})
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }
}

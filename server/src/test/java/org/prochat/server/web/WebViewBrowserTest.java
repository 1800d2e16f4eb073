package org.prochat.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ChatListener;
import org.prochat.client.ServerAddress;
import org.prochat.node.PeerNodeOptions;
import org.prochat.node.RelayTap;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Say;
import org.prochat.protocol.Whisper;
import org.prochat.server.FloodLimits;
import org.prochat.server.RawClient;
import org.prochat.server.RunningCoordinator;

/**
 * The live view in a real browser: headless Chromium from the system's packages, driven through
 * its chromedriver. Nothing is downloaded: both paths are given, so Selenium Manager never runs.
 *
 * <p>The second test leaves a screenshot in {@code target/screenshots/web-view.png}; with
 * {@code -Dprochat.screenshots=DIR} it is copied there too (the README's picture is refreshed with
 * {@code -Dprochat.screenshots=../src-assets/screenshots}).
 */
class WebViewBrowserTest extends RunningCoordinator {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration WAIT = Duration.ofSeconds(15);
  static final String XSS = "<img src=x onerror=alert(1)>";
  /** Held so the level sticks: Selenium's notice that it has no DevTools bindings for this Chromium is noise here (no DevTools use). */
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  static {
    SELENIUM_LOG.setLevel(Level.SEVERE);
  }

  @TempDir
  Path profile;

  private ChromeDriverService driverService;
  private ChromeDriver browser;
  private WebDriverWait waiting;
  private final List<ChatClient> chatClients = new ArrayList<>();

  @BeforeEach
  void startCoordinatorAndBrowser() throws Exception {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as("the browser test needs %s and %s: apt-get install chromium chromium-driver (.ci/run does)",
            CHROMIUM, CHROMEDRIVER)
        .isTrue();
    start(settings -> settings.adminToken(WebAccessTest.TOKEN));
    driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1440,1050", "--force-device-scale-factor=1");
    browser = new ChromeDriver(driverService, options);
    waiting = new WebDriverWait(browser, WAIT);
  }

  @AfterEach
  void stopBrowserAndClients() {
    chatClients.forEach(client -> client.quit().orTimeout(5, TimeUnit.SECONDS).exceptionally(failure -> null).join());
    if (browser != null) {
      browser.quit();
    }
    if (driverService != null) {
      driverService.stop();
    }
  }

  @Test
  void messagesAndWhispersAppearLiveAndTypedMarkupStaysText() throws Exception {
    signIn();
    RawClient alice = join("alice");
    join("bob");

    alice.send(new Say("m1", "hello from the console"));
    alice.send(new Whisper("w1", "bob", "only for bob"));
    alice.send(new Say("m2", XSS));
    alice.await(Ack.class, ack -> ack.id().equals("m2"));

    WebElement message = awaitRow("message", "hello from the console");
    assertThat(message.findElement(By.className("who")).getText()).isEqualTo("alice");
    WebElement whisper = awaitRow("whisper", "only for bob");
    assertThat(whisper.findElement(By.className("badge")).getText()).isEqualToIgnoringCase("private");
    assertThat(whisper.findElement(By.className("who")).getText()).isEqualTo("alice → bob");
    WebElement markup = awaitRow("message", XSS);
    assertThat(markup.findElement(By.className("text")).getText()).isEqualTo(XSS);
    assertThat(browser.findElements(By.cssSelector("#messages img"))).isEmpty();
    assertThat(ExpectedConditions.alertIsPresent().apply(browser)).as("no script ran").isNull();
  }

  @Test
  void thePageShowsUsersTheProxyTreeStatsAndTheServerLog() throws Exception {
    signIn();
    ChatClient alice = relayingClient("alice");
    ChatClient bob = relayingClient("bob");
    ChatClient carol = relayingClient("carol");
    relayingClient("dave");
    RawClient erin = join("erin");
    await().atMost(WAIT).until(() -> usersBelowAProxy() >= 2);

    alice.say("Morning all! Stand-up in five minutes.").get(10, TimeUnit.SECONDS);
    bob.say("On my way, grabbing coffee first").get(10, TimeUnit.SECONDS);
    carol.whisper("alice", "can we move my demo to Thursday?").get(10, TimeUnit.SECONDS);
    erin.send(new Say("e1", "Build 1432 is green, release notes are in the wiki"));
    alice.whisper("carol", "sure, Thursday works").get(10, TimeUnit.SECONDS);
    alice.say("Thanks erin, great work").get(10, TimeUnit.SECONDS);

    awaitRow("message", "Thanks erin, great work");
    awaitRow("whisper", "sure, Thursday works");
    waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users"), "via alice"));
    waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tree"), "depth 2"));
    waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stat-messages"), "4"));
    waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "erin joined from"));
    assertThat(browser.findElements(By.cssSelector("#users tr"))).hasSize(5);
    // A few one-second samples, so the broadcast chart has a line to draw.
    waiting.until(driver -> Integer.parseInt(driver.findElement(By.id("chart")).getDomAttribute("data-points")) >= 3);

    saveScreenshot();
  }

  @Test
  void aLongSessionKeepsABoundedNumberOfRows() throws Exception {
    coordinator.close();
    start(settings -> settings.adminToken(WebAccessTest.TOKEN)
        .flood(new FloodLimits(10_000, 10_000, Duration.ofSeconds(1), 10)));
    signIn();
    RawClient chatty = join("chatty");
    int sent = 1_500;

    // In chunks the page shows before the next: one burst in a single batch would be trimmed to its
    // newest lines (with a "left out" row), and the bound on rows would not be reached.
    for (int i = 1; i <= sent; i++) {
      chatty.send(new Say("m" + i, "line " + i));
      if (i % 300 == 0) {
        awaitRow("message", "line " + i);
      }
    }

    assertThat(browser.findElements(By.cssSelector("#messages li"))).hasSize(1_000);
  }

  private void signIn() {
    browser.get("http://127.0.0.1:" + coordinator.httpPort() + "/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ProChat admin");
    browser.findElement(By.id("token")).sendKeys(WebAccessTest.TOKEN);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waiting.until(ExpectedConditions.textToBe(By.id("connection"), "live"));
  }

  /** The message panel's row of this kind whose text is exactly {@code text}, once it is there. */
  private WebElement awaitRow(String kind, String text) {
    // One script per poll: asking the driver row by row costs a round trip per row.
    return waiting.until(driver -> (WebElement) browser.executeScript(
        "return [...document.querySelectorAll('#messages li[data-kind=\"' + arguments[0] + '\"]')]"
            + ".find(row => row.querySelector('.text').textContent === arguments[1]) || null;", kind, text));
  }

  private ChatClient relayingClient(String nick) throws Exception {
    PeerNodeOptions peer = new PeerNodeOptions(InetAddress.getLoopbackAddress(), 0, true, 4, Duration.ofSeconds(45),
        4 * 1024 * 1024, RelayTap.HONEST);
    ChatClient client = ChatClient.connect(new ServerAddress("127.0.0.1", coordinator.chatPort()), nick,
        new ChatListener() {}, ChatClientOptions.DEFAULTS.withPeer(peer)).get(10, TimeUnit.SECONDS);
    chatClients.add(client);
    return client;
  }

  private long usersBelowAProxy() throws Exception {
    return coordinator.room().loop().submit(coordinator.room()::snapshot).get().users().stream()
        .filter(user -> user.parentNick() != null).count();
  }

  private void saveScreenshot() throws IOException {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path kept = Files.createDirectories(Path.of("target", "screenshots")).resolve("web-view.png");
    Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);
    String extra = System.getProperty("prochat.screenshots");
    if (extra != null && !extra.isBlank()) {
      Files.copy(shot, Files.createDirectories(Path.of(extra)).resolve("web-view.png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

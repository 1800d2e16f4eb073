package org.prochat.server.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A coordinator for a benchmark: started here as a separate program on free ports (so its CPU is
 * its own), or one already running elsewhere. Reads its counters from the web view's
 * {@code /api/stats} with the admin token.
 */
final class CoordinatorProcess implements AutoCloseable {
  private static final String TOKEN = "bench-token-" + Long.toHexString(System.nanoTime());
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Process process;
  private final String host;
  private final int chatPort;
  private final int httpPort;
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();

  private CoordinatorProcess(Process process, String host, int chatPort, int httpPort, String token) {
    this.process = process;
    this.host = host;
    this.chatPort = chatPort;
    this.httpPort = httpPort;
    this.token = token;
  }

  /** Starts {@code jar} with the JVM running this one, flood control off, and waits until it listens. */
  static CoordinatorProcess start(Path jar) throws IOException, InterruptedException, TimeoutException {
    int chat = freePort();
    int web = freePort();
    int ws = freePort();
    Path data = Files.createTempDirectory("prochat-bench");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-Xmx2g", "-jar", jar.toString(),
        "--bind", "127.0.0.1", "--port", String.valueOf(chat), "--http-port", String.valueOf(web),
        "--ws-port", String.valueOf(ws), "--admin-token", TOKEN, "--data-dir", data.toString(),
        "--stats-interval", "0", "--history", "0",
        // The benchmark posts far faster than a person: flood control would measure itself.
        "--flood-burst", "100000000", "--flood-rate", "100000000"));
    Process process = new ProcessBuilder(command)
        .redirectOutput(data.resolve("server.log").toFile()).redirectErrorStream(true).start();
    CoordinatorProcess coordinator = new CoordinatorProcess(process, "127.0.0.1", chat, web, TOKEN);
    coordinator.awaitListening();
    return coordinator;
  }

  /** A coordinator that runs elsewhere; its stats need its admin token and HTTP port (else none). */
  static CoordinatorProcess attach(String host, int chatPort, int httpPort, String token) {
    return new CoordinatorProcess(null, host, chatPort, httpPort, token);
  }

  String host() {
    return host;
  }

  int chatPort() {
    return chatPort;
  }

  /** CPU seconds the coordinator has used, or -1 when it is not ours to look at. */
  double cpuSeconds() {
    if (process == null) {
      return -1;
    }
    try {
      String line = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] stat = line.substring(line.lastIndexOf(')') + 2).split(" ");
      // Fields 14 and 15 (utime, stime) count clock ticks; 100 per second on Linux.
      return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Resident memory of the coordinator in bytes, or -1. */
  long residentBytes() {
    if (process == null) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /**
   * The coordinator's heap in use right after a full collection, in bytes, or -1 when it is not
   * ours to look at. Asks the JVM through {@code jcmd}, which ships beside {@code java}.
   */
  long heapUsedAfterGc() {
    if (process == null) {
      return -1;
    }
    try {
      Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
      run(jcmd.toString(), String.valueOf(process.pid()), "GC.run");
      Matcher used = Pattern.compile("used (\\d+)K").matcher(run(jcmd.toString(), String.valueOf(process.pid()),
          "GC.heap_info"));
      return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(tool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    tool.waitFor(30, TimeUnit.SECONDS);
    return output;
  }

  /** The coordinator's {@code /api/stats}, or null when they can't be read. */
  JsonNode stats() {
    if (token == null || httpPort <= 0) {
      return null;
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(new URI("http://" + host + ":" + httpPort + "/api/stats"))
          .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void awaitListening() throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the coordinator exited with status " + process.exitValue());
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(host, chatPort), 200);
        return;
      } catch (IOException notYet) {
        TimeUnit.MILLISECONDS.sleep(50); // polling a starting program; not a test
      }
    }
    throw new TimeoutException("the coordinator did not listen within 30 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops a coordinator this benchmark started (gracefully, then forcibly after 10 s). */
  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}

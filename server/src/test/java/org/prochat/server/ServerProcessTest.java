package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Bye;
import org.prochat.protocol.Say;

/** The real program: started as its own process, stopped with SIGTERM like a service manager does. */
class ServerProcessTest {
  @TempDir
  Path dataDir;
  private Process server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  @Test
  void sigtermTellsClientsFlushesTheStoreAndStops() throws Exception {
    int port = freePort();
    Path log = dataDir.resolve("server.log");
    server = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "org.prochat.server.ServerMain", "--bind", "127.0.0.1", "--port", String.valueOf(port),
        "--http-port", String.valueOf(freePort()), "--ws-port", String.valueOf(freePort()),
        "--data-dir", dataDir.resolve("data").toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
      RawClient.connect(port).close();
      return true;
    });

    try (RawClient alice = RawClient.join(port, "alice")) {
      alice.send(new Say("m1", "the last word before the restart"));
      alice.await(Ack.class);

      server.destroy(); // SIGTERM

      assertThat(alice.await(Bye.class).reason()).contains("shutting down");
      alice.awaitClosed();
    }
    assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("the coordinator stops by itself").isTrue();
    assertThat(Files.readString(log)).contains("Shutting down", "Coordinator stopped");
    assertThat(Files.readString(dataDir.resolve("data/chat.log"))).contains("the last word before the restart");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

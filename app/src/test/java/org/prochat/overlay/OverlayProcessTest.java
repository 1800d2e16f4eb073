package org.prochat.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Message;
import org.prochat.server.FloodLimits;
import org.prochat.server.overlay.OverlayLimits;

/**
 * The proxy everyone hangs below is a separate program (the console client) and is killed with
 * SIGKILL while the others keep talking: they all come back and miss nothing.
 */
class OverlayProcessTest {
  @TempDir
  Path dataDir;
  /** The console's user profile (pins, whisper key): a real one's pins would refuse this test's coordinator. */
  @TempDir
  Path profile;
  private LiveCoordinator coordinator;
  private Process proxy;
  private final List<String> proxyOutput = new CopyOnWriteArrayList<>();
  private final List<OverlayPeer> peers = new ArrayList<>();

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.destroyForcibly();
    }
    peers.forEach(OverlayPeer::quit);
    coordinator.close();
  }

  @Test
  void killingTheProxyProgramLosesNobodyAnything() throws Exception {
    coordinator = LiveCoordinator.start(dataDir, settings -> settings
        .overlay(new OverlayLimits(4, 8, 6, Duration.ofSeconds(15)))
        .flood(new FloodLimits(1000, 1000, Duration.ofSeconds(1), 1000)));
    proxy = startConsoleClient("proxy");
    await().atMost(Duration.ofSeconds(30)).until(() -> proxyOutput.contains("* connected directly to the coordinator"));
    for (String nick : List.of("bob", "carol", "dave")) {
      OverlayPeer peer = OverlayPeer.join(coordinator.address(), nick);
      peers.add(peer);
      peer.awaitParent();
    }
    assertThat(peers.getFirst().heard.all(org.prochat.app.testkit.RecordingListener.Routed.class))
        .extracting(org.prochat.app.testkit.RecordingListener.Routed::parentNick).contains("proxy");

    List<CompletableFuture<Ack>> acks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      for (OverlayPeer peer : peers) {
        acks.add(peer.client.say(peer.nick + " " + i));
      }
      if (i == 5) {
        proxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }

    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    long lastSeq = acks.stream().mapToLong(a -> a.join().seq()).max().orElseThrow();
    for (OverlayPeer peer : peers) {
      await().atMost(Duration.ofSeconds(20)).until(() -> !peer.seqs().isEmpty() && peer.seqs().getLast() >= lastSeq);
      List<Long> seqs = peer.seqs();
      assertThat(seqs).as(peer.nick).doesNotHaveDuplicates().isSorted();
      assertThat(seqs.getLast() - seqs.getFirst() + 1).as(peer.nick + " has no gap").isEqualTo(seqs.size());
      List<String> texts = peer.heard.messages().stream().map(Message::text).toList();
      for (OverlayPeer sender : peers) {
        for (int i = 0; i < 20; i++) {
          assertThat(texts).as(peer.nick).containsOnlyOnce(sender.nick + " " + i);
        }
      }
    }
  }

  /** The console client in a JVM of its own, reading from a pipe this test keeps open. */
  private Process startConsoleClient(String nick) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    ProcessBuilder command = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
        "-Duser.home=" + profile, "-cp", System.getProperty("java.class.path"), "org.prochat.app.AppMain",
        "--console", "--server", coordinator.address().toString(), "--nick", nick, "--peer-port", "0")
        .redirectErrorStream(true);
    // Where each system's settings location looks before the home directory.
    command.environment().put("XDG_CONFIG_HOME", profile.toString());
    command.environment().put("APPDATA", profile.toString());
    Process process = command.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          proxyOutput.add(line);
        }
      } catch (java.io.IOException e) {
        // the process is gone
      }
    }, "proxy-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }
}

package org.prochat.server.bench;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Recorder;
import org.prochat.client.ServerAddress;
import org.prochat.server.Coordinator;
import org.prochat.server.CoordinatorSettings;
import org.prochat.server.FloodLimits;
import org.prochat.server.overlay.OverlayLimits;
import org.prochat.server.room.Room;
import org.prochat.server.room.RoomSnapshot;

/**
 * A coordinator in this JVM (its own threads, free loopback ports, a temporary data directory) and
 * users joined to it over real sockets, one after another, each once the one before is placed: the
 * tree a room grows as people arrive. Used from the bench thread only.
 */
final class BenchRoom implements AutoCloseable {
  private final Path dataDir;
  private final Coordinator coordinator;
  private final ServerAddress address;
  private final List<BenchUser> users = new ArrayList<>();
  private final EventLoopGroup userLoops;

  private BenchRoom(Path dataDir, OverlayLimits limits) throws Exception {
    this.dataDir = dataDir;
    coordinator = Coordinator.start(CoordinatorSettings.builder(dataDir)
        .bindAddresses(List.of(InetAddress.getLoopbackAddress())).chatPort(0).httpPort(0).wsPort(0)
        .statsInterval(Duration.ZERO)
        .overlay(limits)
        // The benchmark posts far faster than a person: flood control would measure itself.
        .flood(new FloodLimits(1_000_000, 1_000_000, Duration.ofSeconds(1), 1_000_000))
        .build());
    address = new ServerAddress("127.0.0.1", coordinator.chatPort());
    // Made once the coordinator runs: a coordinator that fails to start leaves no user threads behind.
    userLoops = SimulatedClientOptions.userLoops();
  }

  /**
   * Starts the coordinator and joins users {@code u0}, {@code u1}, ..., all on the room's few user
   * loops ({@link #userLoops}); with {@code relay} each runs a peer node and may carry others.
   */
  static BenchRoom open(OverlayLimits limits, int clients, boolean relay, Recorder latency) throws Exception {
    BenchRoom room = new BenchRoom(Files.createTempDirectory("prochat-bench"), limits);
    try {
      for (int i = 0; i < clients; i++) {
        String nick = "u" + i;
        BenchUser user = BenchUser.join(room.userLoops, room.address, nick, relay, latency).get(30, TimeUnit.SECONDS);
        room.users.add(user);
        BenchWait.until(user::placed, nick + " to be placed in the tree");
      }
      return room;
    } catch (Exception e) {
      try {
        room.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  ServerAddress address() {
    return address;
  }

  /** The loops every simulated user of this room runs on, newcomers included. */
  EventLoopGroup userLoops() {
    return userLoops;
  }

  Coordinator coordinator() {
    return coordinator;
  }

  /** The users still in the room, in the order they joined. */
  List<BenchUser> users() {
    return Collections.unmodifiableList(users);
  }

  BenchUser user(String nick) {
    return users.stream().filter(u -> u.client().nick().equals(nick)).findFirst().orElseThrow();
  }

  /** Kills {@code user} as a crashed program would be, and forgets it. */
  void kill(BenchUser user) {
    user.kill();
    users.remove(user);
  }

  /** The room and its tree as the coordinator sees them now. */
  RoomSnapshot snapshot() throws Exception {
    Room room = coordinator.room();
    return room.loop().submit(room::snapshot).get(10, TimeUnit.SECONDS);
  }

  /** Every user says goodbye (in parallel, bounded), then the coordinator stops and its data goes. */
  @Override
  public void close() throws IOException {
    List<CompletableFuture<Void>> quitting = new ArrayList<>();
    users.forEach(u -> quitting.add(CompletableFuture.runAsync(u::quit)));
    CompletableFuture.allOf(quitting.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
        .exceptionally(failure -> null).join();
    coordinator.close();
    userLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}

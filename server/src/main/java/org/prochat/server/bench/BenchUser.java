package org.prochat.server.bench;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ChatListener;
import org.prochat.client.ServerAddress;
import org.prochat.node.PeerNodeOptions;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Message;
import org.prochat.protocol.RoomEvent;

/**
 * One simulated user: a real client (with a peer node when asked) on loops it shares with the
 * others of its benchmark, which keeps the generator cheap (a thread per user was hundreds of
 * threads taking turns on the cores the coordinator needs); killed, it closes its links without a
 * word, as a crashed program. It records the end-to-end latency of every benchmark message it receives
 * (the sender's {@link System#nanoTime()} travels in the text; one JVM, one clock) and counts what
 * it sees. Listener methods run on the user's loop; the counters are read from the bench thread.
 */
final class BenchUser implements ChatListener {
  static final String PREFIX = "bench ";

  /** What a user has counted so far: benchmark messages (each once), duplicates and gaps shown. */
  record Tally(long messages, long duplicates, long gaps) {
    Tally minus(Tally earlier) {
      return new Tally(messages - earlier.messages, duplicates - earlier.duplicates, gaps - earlier.gaps);
    }
  }

  private final Recorder latency;
  private final Set<Long> seen = new HashSet<>();
  private long lastSeq; // the loop only
  private volatile long messages;
  private volatile long duplicates;
  private volatile long gaps;
  private volatile long firstSentAfter = Long.MAX_VALUE;
  private volatile long firstArrivalAfter;
  private volatile boolean placed;
  private ChatClient client;

  private BenchUser(Recorder latency) {
    this.latency = latency;
  }

  /**
   * Joins as {@code nick} on {@code loops}, which the caller shuts down; with {@code relay} the user
   * embeds a peer node and may carry others.
   */
  static CompletableFuture<BenchUser> join(EventLoopGroup loops, ServerAddress server, String nick, boolean relay,
      Recorder latency) {
    BenchUser user = new BenchUser(latency);
    ChatClientOptions options = SimulatedClientOptions.on(loops, relay ? PeerNodeOptions.defaults().withPort(0) : null);
    return ChatClient.connect(server, nick, user, options).thenApply(client -> {
      user.client = client;
      return user;
    });
  }

  ChatClient client() {
    return client;
  }

  /**
   * Posts a benchmark message of about {@code size} bytes carrying the send time; completes with the
   * coordinator's acknowledgement (the client sends again what waits too long for it).
   */
  CompletableFuture<Ack> post(int size) {
    String stamp = PREFIX + System.nanoTime() + " ";
    return client.say(stamp + "x".repeat(Math.max(1, size - stamp.length())));
  }

  Tally tally() {
    return new Tally(messages, duplicates, gaps);
  }

  /** True once the coordinator has placed this user (below a proxy, or kept direct), until its link is lost. */
  boolean placed() {
    return placed;
  }

  /** From now on, remembers when the first message sent after {@code nanos} arrives. */
  void watchForMessagesSentAfter(long nanos) {
    firstArrivalAfter = 0;
    firstSentAfter = nanos;
  }

  /** When the first message sent after the watched moment arrived ({@link System#nanoTime()}), or 0. */
  long firstArrivalAfterWatch() {
    return firstArrivalAfter;
  }

  /** Takes the user down at once, as a killed program: sockets close, no goodbye. */
  void kill() {
    client.abort().orTimeout(5, TimeUnit.SECONDS).join();
  }

  void quit() {
    if (client != null) {
      client.quit().orTimeout(5, TimeUnit.SECONDS).exceptionally(failure -> null).join();
    }
  }

  @Override
  public void onRoomEvent(RoomEvent event, boolean history) {
    if (!seen.add(event.seq())) {
      duplicates++;
      return;
    }
    if (lastSeq != 0 && event.seq() != lastSeq + 1) {
      gaps++;
    }
    lastSeq = event.seq();
    if (event instanceof Message m && m.text().startsWith(PREFIX)) {
      long now = System.nanoTime();
      long sent = Long.parseLong(m.text().substring(PREFIX.length(), m.text().indexOf(' ', PREFIX.length())));
      latency.recordValue(Math.max(0, (now - sent) / 1000));
      messages++;
      if (sent > firstSentAfter && firstArrivalAfter == 0) {
        firstArrivalAfter = now;
      }
    }
  }

  @Override
  public void onRoute(String parentNick) {
    if (parentNick != null) {
      placed = true;
    }
  }

  @Override
  public void onKeptDirect() {
    placed = true;
  }

  @Override
  public void onReconnecting(int attempt, Duration retryIn) {
    placed = false; // back in the room it is placed anew
  }
}

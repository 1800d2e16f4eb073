package org.prochat.server.bench;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatListener;
import org.prochat.client.ServerAddress;
import org.prochat.protocol.Welcome;

/**
 * One user of the churn: joins, is placed, stays a while and leaves with a goodbye. It relays for
 * nobody, so its leaving moves no one: what it costs the coordinator is its join and leave alone.
 * It records when it opened its connection, was welcomed, was placed (attached below a proxy, or
 * kept direct) and was gone. Listener methods run on the event loop the newcomers share, so the
 * generator stays cheap; the times are read from the bench thread once {@link #done()} completes.
 */
final class ChurnNewcomer implements ChatListener {
  /** A newcomer not placed by then counts as failed: attaching gives up on a proxy after 5 s, three times. */
  static final Duration PLACE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(10);

  private final long startedAt = System.nanoTime();
  private final CompletableFuture<Void> placed = new CompletableFuture<>();
  private CompletableFuture<Void> done;
  private volatile long welcomedAt;
  private volatile long placedAt;
  private volatile String parent;
  private volatile long leftAt;
  private volatile String failure;

  private ChurnNewcomer() {}

  /** Starts joining as {@code nick} now; leaves {@code stay} after being placed. */
  static ChurnNewcomer join(ServerAddress server, String nick, EventLoopGroup loops, Duration stay) {
    ChurnNewcomer newcomer = new ChurnNewcomer();
    newcomer.done = ChatClient.connect(server, nick, newcomer, SimulatedClientOptions.on(loops, null))
        .handle((client, cannotJoin) -> {
          if (cannotJoin != null) {
            newcomer.failed("could not join: " + rootCause(cannotJoin).getMessage());
            return CompletableFuture.<Void>completedFuture(null);
          }
          return newcomer.stayThenLeave(client, stay);
        })
        .thenCompose(leaving -> leaving);
    return newcomer;
  }

  /** Completes once the newcomer has left, or failed; never exceptionally. */
  CompletableFuture<Void> done() {
    return done;
  }

  long startedAt() {
    return startedAt;
  }

  /** When the welcome arrived ({@link System#nanoTime()}), or 0. */
  long welcomedAt() {
    return welcomedAt;
  }

  /** When the coordinator placed it, or 0 when it never did. */
  long placedAt() {
    return placedAt;
  }

  /** The proxy it was attached below, or null when kept direct (or never placed). */
  String parent() {
    return parent;
  }

  /** When its goodbye was through and the link closed, or 0. */
  long leftAt() {
    return leftAt;
  }

  /** Why it did not join, or null. */
  String failure() {
    return failure;
  }

  private CompletableFuture<Void> stayThenLeave(ChatClient client, Duration stay) {
    return placed.orTimeout(PLACE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .thenCompose(ignored -> CompletableFuture.runAsync(() -> {},
            CompletableFuture.delayedExecutor(stay.toMillis(), TimeUnit.MILLISECONDS)))
        .exceptionally(notPlaced -> {
          failed("not placed within " + PLACE_TIMEOUT.toSeconds() + " s");
          return null;
        })
        .thenCompose(ignored -> client.quit().orTimeout(LEAVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
        .handle((gone, notGone) -> {
          if (notGone == null) {
            leftAt = System.nanoTime();
          }
          return null; // a goodbye that did not go through shows as a missing leave
        });
  }

  private static Throwable rootCause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  private void failed(String why) {
    if (failure == null) {
      failure = why;
    }
  }

  @Override
  public void onWelcome(Welcome welcome, String askedNick) {
    welcomedAt = System.nanoTime();
  }

  @Override
  public void onRoute(String parentNick) {
    if (parentNick != null) {
      place(parentNick);
    }
  }

  @Override
  public void onKeptDirect() {
    place(null);
  }

  private void place(String parentNick) {
    long now = System.nanoTime();
    if (placed.complete(null)) { // once, and not after it was given up on
      placedAt = now;
      parent = parentNick;
    }
  }
}

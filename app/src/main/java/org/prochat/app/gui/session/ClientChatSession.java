package org.prochat.app.gui.session;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.prochat.client.ChatClient;
import org.prochat.protocol.Ack;

/**
 * A {@link ChatSession} backed by a {@link ChatClient} that may still be connecting: the room's view
 * model exists before the client does (it is the client's listener), so requests wait for the
 * client, and fail as the connect did when it failed.
 */
public final class ClientChatSession implements ChatSession {
  private final CompletableFuture<ChatClient> client;
  private final boolean relays;

  /**
   * @param client completes with the connected client
   * @param relays whether the client was asked to run a peer node
   */
  public ClientChatSession(CompletableFuture<ChatClient> client, boolean relays) {
    this.client = Objects.requireNonNull(client, "client");
    this.relays = relays;
  }

  @Override
  public CompletableFuture<Ack> say(String text) {
    return client.thenCompose(c -> c.say(text));
  }

  @Override
  public CompletableFuture<Ack> whisper(String to, String text) {
    return client.thenCompose(c -> c.whisper(to, text));
  }

  @Override
  public CompletableFuture<Void> quit(String reason) {
    // A client that never connected has nothing to close.
    return client.handle((c, failure) -> c).thenCompose(c -> c == null
        ? CompletableFuture.completedFuture(null) : c.quit(reason));
  }

  @Override
  public Optional<Duration> roundTrip() {
    return Optional.ofNullable(client.getNow(null)).flatMap(ChatClient::roundTrip);
  }

  @Override
  public CompletableFuture<Integer> relayingFor() {
    return client.thenCompose(ChatClient::relayingFor);
  }

  @Override
  public boolean relays() {
    return relays;
  }
}

package org.prochat.app.gui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.prochat.app.gui.session.ChatSession;
import org.prochat.protocol.Ack;

/** A chat session that records what the view models ask and answers as a test tells it to. */
public final class FakeChatSession implements ChatSession {
  /** What was said, whispered (as {@code to: text}) or quit (as {@code quit: reason}), in order. */
  public final List<String> sent = new ArrayList<>();
  /** The status the next whisper is acked with. */
  public Ack.Status whisperStatus = Ack.Status.DELIVERED;
  /** When set, the next send fails with it. */
  public Throwable failNextWith;
  public final CompletableFuture<Void> quit = new CompletableFuture<>();
  public int relaying;
  public Duration roundTrip;
  private final boolean relays;

  public FakeChatSession(boolean relays) {
    this.relays = relays;
  }

  @Override
  public CompletableFuture<Ack> say(String text) {
    sent.add(text);
    return answer(Ack.Status.POSTED);
  }

  @Override
  public CompletableFuture<Ack> whisper(String to, String text) {
    sent.add(to + ": " + text);
    return answer(whisperStatus);
  }

  @Override
  public CompletableFuture<Void> quit(String reason) {
    sent.add("quit: " + reason);
    return quit;
  }

  @Override
  public Optional<Duration> roundTrip() {
    return Optional.ofNullable(roundTrip);
  }

  @Override
  public CompletableFuture<Integer> relayingFor() {
    return CompletableFuture.completedFuture(relaying);
  }

  @Override
  public boolean relays() {
    return relays;
  }

  private CompletableFuture<Ack> answer(Ack.Status status) {
    if (failNextWith != null) {
      Throwable failure = failNextWith;
      failNextWith = null;
      return CompletableFuture.failedFuture(failure);
    }
    return CompletableFuture.completedFuture(new Ack(null, "m" + sent.size(), status, 0));
  }
}

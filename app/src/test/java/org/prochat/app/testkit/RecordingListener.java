package org.prochat.app.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.prochat.client.ChatListener;
import org.prochat.client.LinkSecurity;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;

/** Keeps everything a session was told, in order, for a test to wait for and look at. Thread-safe. */
public final class RecordingListener implements ChatListener {
  /** How long a test waits for something to arrive. */
  public static final Duration PATIENCE = Duration.ofSeconds(10);

  private final List<Object> heard = new CopyOnWriteArrayList<>();

  /** {@link #onWelcome}'s arguments. */
  public record Welcomed(Welcome welcome, String askedNick) {}

  /** {@link #onRoomEvent}'s arguments. */
  public record Seen(RoomEvent event, boolean history) {}

  /** {@link #onDisconnected}'s arguments. */
  public record Disconnected(String reason, boolean requested) {}

  /** {@link #onRoute}'s argument: the proxy above, or null for direct. */
  public record Routed(String parentNick) {}

  /** {@link #onKeptDirect}: the coordinator placed this client on its direct link. */
  public record KeptDirect() {}

  /** How the link the client now speaks through is protected. */
  public record Secured(LinkSecurity security) {}

  /** {@link #onReconnecting}'s arguments. */
  public record Reconnecting(int attempt, Duration retryIn) {}

  /** {@link #onReconnected}'s argument. */
  public record Reconnected(Welcome welcome) {}

  /** Everything heard of one kind, in order. */
  public <T> List<T> all(Class<T> kind) {
    return heard.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** The room messages heard, in order. */
  public List<Message> messages() {
    return all(Seen.class).stream().map(Seen::event)
        .filter(Message.class::isInstance).map(Message.class::cast).toList();
  }

  /** Waits (bounded) until something of {@code kind} matching {@code test} was heard, and returns it. */
  public <T> T awaitFirst(Class<T> kind, Predicate<? super T> test) {
    return await().atMost(PATIENCE)
        .until(() -> all(kind).stream().filter(test).findFirst(), found -> found.isPresent())
        .orElseThrow();
  }

  /** Waits (bounded) for a room message with exactly this text. */
  public Seen awaitMessage(String text) {
    return awaitFirst(Seen.class, seen -> seen.event() instanceof Message m && m.text().equals(text));
  }

  @Override
  public void onWelcome(Welcome welcome, String askedNick) {
    heard.add(new Welcomed(welcome, askedNick));
  }

  @Override
  public void onUsers(Users users) {
    heard.add(users);
  }

  @Override
  public void onRoomEvent(RoomEvent event, boolean history) {
    heard.add(new Seen(event, history));
  }

  @Override
  public void onPrivateMessage(PrivateMessage message) {
    heard.add(message);
  }

  @Override
  public void onNotice(Notice notice) {
    heard.add(notice);
  }

  @Override
  public void onError(ErrorFrame error) {
    heard.add(error);
  }

  @Override
  public void onDisconnected(String reason, boolean requested) {
    heard.add(new Disconnected(reason, requested));
  }

  @Override
  public void onLinkSecurity(LinkSecurity security) {
    heard.add(new Secured(security));
  }

  @Override
  public void onKeptDirect() {
    heard.add(new KeptDirect());
  }

  @Override
  public void onRoute(String parentNick) {
    heard.add(new Routed(parentNick));
  }

  @Override
  public void onReconnecting(int attempt, Duration retryIn) {
    heard.add(new Reconnecting(attempt, retryIn));
  }

  @Override
  public void onReconnected(Welcome welcome) {
    heard.add(new Reconnected(welcome));
  }
}

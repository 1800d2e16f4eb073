package org.prochat.app.gui.session;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.prochat.client.ChatListener;
import org.prochat.client.LinkSecurity;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Notice;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;

/**
 * Hands every event heard on the network's thread to {@code delegate} on the UI's, in the same order.
 * The network thread only enqueues, so it never waits for the UI.
 */
public final class UiThreadChatListener implements ChatListener {
  private final ChatListener delegate;
  private final Executor ui;

  /**
   * @param delegate hears the events on the UI thread
   * @param ui runs tasks on the UI thread in submission order ({@link EventBatcher} in the app)
   */
  public UiThreadChatListener(ChatListener delegate, Executor ui) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.ui = Objects.requireNonNull(ui, "ui");
  }

  @Override
  public void onServerIdentity(String fingerprint, boolean firstContact) {
    ui.execute(() -> delegate.onServerIdentity(fingerprint, firstContact));
  }

  @Override
  public void onWelcome(Welcome welcome, String askedNick) {
    ui.execute(() -> delegate.onWelcome(welcome, askedNick));
  }

  @Override
  public void onUsers(Users users) {
    ui.execute(() -> delegate.onUsers(users));
  }

  @Override
  public void onRoomEvent(RoomEvent event, boolean history) {
    ui.execute(() -> delegate.onRoomEvent(event, history));
  }

  @Override
  public void onPrivateMessage(PrivateMessage message) {
    ui.execute(() -> delegate.onPrivateMessage(message));
  }

  @Override
  public void onNotice(Notice notice) {
    ui.execute(() -> delegate.onNotice(notice));
  }

  @Override
  public void onError(ErrorFrame error) {
    ui.execute(() -> delegate.onError(error));
  }

  @Override
  public void onDisconnected(String reason, boolean requested) {
    ui.execute(() -> delegate.onDisconnected(reason, requested));
  }

  @Override
  public void onReconnecting(int attempt, Duration retryIn) {
    ui.execute(() -> delegate.onReconnecting(attempt, retryIn));
  }

  @Override
  public void onReconnected(Welcome welcome) {
    ui.execute(() -> delegate.onReconnected(welcome));
  }

  @Override
  public void onRoute(String parentNick) {
    ui.execute(() -> delegate.onRoute(parentNick));
  }

  @Override
  public void onLinkSecurity(LinkSecurity security) {
    ui.execute(() -> delegate.onLinkSecurity(security));
  }
}

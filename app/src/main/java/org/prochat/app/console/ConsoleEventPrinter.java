package org.prochat.app.console;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.prochat.client.ChatListener;
import org.prochat.client.LinkSecurity;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Notice;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;

/**
 * Shows every session event as console lines, and tells the console when the coordinator ended the
 * session (a disconnect this client asked for prints nothing). Called on the network thread; the
 * line sink must be thread-safe.
 */
final class ConsoleEventPrinter implements ChatListener {
  private final Consumer<String> lines;
  private final ConsoleEventFormatter format;
  private final CompletableFuture<String> lost = new CompletableFuture<>();

  ConsoleEventPrinter(Consumer<String> lines, ConsoleEventFormatter format) {
    this.lines = lines;
    this.format = format;
  }

  /** Completes with the reason when the session ended without this client asking. */
  CompletableFuture<String> lost() {
    return lost;
  }

  @Override
  public void onServerIdentity(String fingerprint, boolean firstContact) {
    lines.accept(format.serverIdentity(fingerprint, firstContact));
  }

  @Override
  public void onWelcome(Welcome welcome, String askedNick) {
    lines.accept(format.welcome(welcome, askedNick));
  }

  @Override
  public void onUsers(Users users) {
    lines.accept(format.users(users));
  }

  @Override
  public void onRoomEvent(RoomEvent event, boolean history) {
    lines.accept(format.roomEvent(event));
  }

  @Override
  public void onPrivateMessage(PrivateMessage message) {
    lines.accept(format.privateMessage(message));
  }

  @Override
  public void onNotice(Notice notice) {
    format.notice(notice).forEach(lines);
  }

  @Override
  public void onError(ErrorFrame error) {
    lines.accept(format.error(error));
  }

  @Override
  public void onRoute(String parentNick) {
    lines.accept(format.route(parentNick));
  }

  @Override
  public void onLinkSecurity(LinkSecurity security) {
    lines.accept(format.linkSecurity(security));
  }

  @Override
  public void onReconnecting(int attempt, Duration retryIn) {
    lines.accept(format.reconnecting(attempt, retryIn));
  }

  @Override
  public void onReconnected(Welcome welcome) {
    lines.accept(format.reconnected(welcome));
  }

  @Override
  public void onDisconnected(String reason, boolean requested) {
    if (!requested) {
      lines.accept(format.disconnected(reason));
      lost.complete(reason);
    }
  }
}

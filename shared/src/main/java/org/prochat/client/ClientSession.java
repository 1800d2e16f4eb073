package org.prochat.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Bye;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Notice;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Replay;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one chat session and what each frame from the coordinator does to it: the welcome
 * handshake, acks and refusals settling the {@link SendOutbox}, room events put in order by the
 * {@link RoomEventSequencer}, everything else passed to the {@link ChatListener}.
 *
 * <p>It knows nothing of sockets: a link hands it a way to send frames ({@link #linkOpened}) and
 * tells it when it closes ({@link #linkClosed}). That keeps it testable without a network, and lets a
 * later resume attach the same session to a new link.
 *
 * <p>Not thread-safe: every method runs on the link's event loop.
 */
final class ClientSession {
  private static final Logger log = LoggerFactory.getLogger(ClientSession.class);
  private static final String CONNECTION_LOST = "connection lost";

  private final String askedNick;
  private final ChatListener listener;
  private final SendOutbox outbox = new SendOutbox();
  private final CompletableFuture<Welcome> welcomed = new CompletableFuture<>();
  private Consumer<Frame> link;
  private RoomEventSequencer sequencer;
  private String closeReason;
  private boolean quitting;

  ClientSession(String askedNick, ChatListener listener) {
    this.askedNick = Objects.requireNonNull(askedNick, "askedNick");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Completes with the welcome (after {@link ChatListener#onWelcome}); fails with {@link
   * ChatRefusedException} when the coordinator refuses the session, or {@link ChatLinkException} when
   * the link fails first.
   */
  CompletableFuture<Welcome> welcomed() {
    return welcomed;
  }

  /** A link is up: frames go out through {@code sender} from now on, starting with the hello. */
  void linkOpened(Consumer<Frame> sender) {
    this.link = sender;
    sender.accept(new Hello(ProtocolLimits.VERSION, askedNick));
  }

  /** The session cannot start: the link failed or the welcome took too long. No effect once welcomed. */
  void abandon(ChatLinkException cause) {
    welcomed.completeExceptionally(cause);
  }

  /** One frame from the coordinator. */
  void receive(Frame frame) {
    if (!isOpen() && !(frame instanceof Welcome || frame instanceof ErrorFrame || frame instanceof Bye)) {
      log.debug("ignored a {} that came before the welcome", frame.getClass().getSimpleName());
      return;
    }
    switch (frame) {
      case Welcome welcome -> welcome(welcome);
      case ErrorFrame error -> error(error);
      case Bye bye -> rememberCloseReason(bye.reason());
      case Users users -> listener.onUsers(users);
      case RoomEvent event -> roomEvent(event);
      case Ack ack -> outbox.acknowledge(ack);
      case PrivateMessage message -> listener.onPrivateMessage(message);
      case Notice notice -> listener.onNotice(notice);
      default -> log.debug("ignored a {} the coordinator should not send", frame.getClass().getSimpleName());
    }
  }

  /**
   * Sends a frame that expects an ack.
   *
   * @return see {@link SendOutbox#add}; fails at once with {@link ChatLinkException} when there is no
   *     link or the session is quitting
   */
  CompletableFuture<Ack> send(String id, Frame frame) {
    if (link == null || quitting) {
      return CompletableFuture.failedFuture(new ChatLinkException("not connected"));
    }
    CompletableFuture<Ack> acked = outbox.add(id);
    link.accept(frame);
    return acked;
  }

  /** See {@link SendOutbox#whenEmpty}. */
  CompletableFuture<Void> allAcked() {
    return outbox.whenEmpty();
  }

  /** Says goodbye with {@code reason}; the caller closes the link once the bye is written. */
  void quit(String reason) {
    if (link != null && !quitting) {
      quitting = true;
      rememberCloseReason(reason);
      link.accept(new Bye(null, reason));
    }
  }

  /** The link is gone: the session is over, or never started. */
  void linkClosed() {
    link = null;
    String reason = closeReason != null ? closeReason : CONNECTION_LOST;
    if (!isOpen()) {
      welcomed.completeExceptionally(
          new ChatLinkException("the coordinator closed the connection before the welcome (" + reason + ")"));
      return;
    }
    outbox.failAll(new ChatLinkException("disconnected: " + reason));
    listener.onDisconnected(reason, quitting);
  }

  private boolean isOpen() {
    return sequencer != null;
  }

  private void welcome(Welcome welcome) {
    if (welcomed.isDone()) {
      log.debug("ignored a welcome after the handshake had ended");
      return;
    }
    sequencer = new RoomEventSequencer(welcome.seq());
    listener.onWelcome(welcome, askedNick);
    welcomed.complete(welcome);
  }

  private void error(ErrorFrame error) {
    if (error.fatal()) {
      rememberCloseReason(error.message());
    }
    if (!isOpen()) {
      welcomed.completeExceptionally(new ChatRefusedException(error));
      return;
    }
    outbox.refuse(error);
    listener.onError(error);
  }

  private void roomEvent(RoomEvent event) {
    RoomEventSequencer.Release release = sequencer.accept(event);
    release.inOrder().forEach(e -> listener.onRoomEvent(e, sequencer.isHistory(e)));
    release.replayAfter().ifPresent(after -> link.accept(new Replay(null, after)));
  }

  /** The first reason wins: a fatal error is more telling than the bye that follows it. */
  private void rememberCloseReason(String reason) {
    if (closeReason == null) {
      closeReason = reason;
    }
  }
}

package org.prochat.client;

import java.time.Duration;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Notice;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;

/**
 * What a chat session tells its user.
 *
 * <p><b>Threading:</b> every method is called on the link's Netty event loop, one call at a time, in
 * the order things happened. Implementations must return quickly and never block; a UI hops to its
 * own thread (the desktop app uses {@code Platform.runLater}). An exception thrown here is logged and
 * closes the link.
 *
 * <p>Every method does nothing unless implemented: a listener states what it cares about.
 *
 * <p><b>Order:</b> {@link #onWelcome} comes first (only {@link #onLinkSecurity}, for the link that
 * brought it, comes before it); nothing is delivered for a connection attempt that is refused (the
 * connect future fails instead). {@link #onDisconnected} comes last, once.
 */
public interface ChatListener {

  /**
   * The coordinator proved its identity, before {@link #onWelcome} (and on every reconnect).
   *
   * @param fingerprint the identity key's fingerprint, for the user to compare with the admin's
   * @param firstContact true when this server's key was pinned just now (trust on first use);
   *     false when it matched the pinned one
   */
  default void onServerIdentity(String fingerprint, boolean firstContact) {}

  /**
   * The session is open.
   *
   * @param welcome what the coordinator granted; its {@code nick} differs from {@code askedNick} when
   *     that one was taken
   * @param askedNick the nickname this client asked for
   */
  default void onWelcome(Welcome welcome, String askedNick) {}

  /** Who is in the room, as of room event {@code users.seq()}. */
  default void onUsers(Users users) {}

  /**
   * A room event, in {@code seq} order, each exactly once.
   *
   * @param history true for events from before this session joined (their effect on the user list is
   *     already in the {@link #onUsers} snapshot)
   */
  default void onRoomEvent(RoomEvent event, boolean history) {}

  /** A whisper for this user. */
  default void onPrivateMessage(PrivateMessage message) {}

  /** Text from the coordinator for this user, such as command output; may span several lines. */
  default void onNotice(Notice notice) {}

  /**
   * Something was refused or went wrong. Also called for errors that refuse a frame this client sent
   * (then the frame's future fails as well), so a user sees why.
   */
  default void onError(ErrorFrame error) {}

  /**
   * The link is closed and the session over.
   *
   * @param reason the coordinator's bye reason, its fatal error's message, the reason given to
   *     {@link ChatClient#quit(String)}, or "connection lost"
   * @param requested true when this client asked for it with {@link ChatClient#quit(String)}
   */
  default void onDisconnected(String reason, boolean requested) {}

  /**
   * The link to the coordinator was lost (or its proxy went away); the client tries again after
   * {@code retryIn}. What the user sends meanwhile waits and goes out once the client is back.
   *
   * @param attempt 1 for the first try after the loss, then 2, 3, ...
   */
  default void onReconnecting(int attempt, Duration retryIn) {}

  /**
   * Back in the room after a lost link. When {@code welcome.resumed()} it is the same session and
   * nobody saw it leave; otherwise the coordinator had already let it go and this is a new session
   * (possibly under another nickname). Either way, missed events follow in order.
   */
  default void onReconnected(Welcome welcome) {}

  /**
   * How this client reaches the coordinator changed.
   *
   * @param parentNick the proxy it now hangs below, or null for a direct link
   */
  default void onRoute(String parentNick) {}

  /**
   * How the link this client now speaks through is protected: called just before {@link #onWelcome}
   * and each {@link #onReconnected} (for the link that brought it), and before {@link #onRoute} after
   * a move below a proxy.
   */
  default void onLinkSecurity(LinkSecurity security) {}

  /**
   * The coordinator keeps this client on its direct link: no proxy can take it now. A client given
   * a proxy hears {@link #onRoute} with it once attached instead.
   */
  default void onKeptDirect() {}
}

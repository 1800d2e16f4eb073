package org.prochat.client;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.prochat.node.PeerNode;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Welcome;
import org.prochat.tls.SelfSignedCertificates;

/**
 * One user's chat session with a coordinator: directly, or below a proxy the coordinator picks; with
 * a peer node of its own when {@link ChatClientOptions#peer()} asks for one. A lost link is
 * reconnected and the session resumed by itself (see {@link ChatListener#onReconnecting}).
 *
 * <p>Every method may be called from any thread and never blocks. The session's state lives on the
 * client's Netty event loop; calls hop there, and the returned futures complete there, so a
 * dependent action ({@code thenAccept}) must not block either. Events arrive through the {@link
 * ChatListener} given to {@link #connect}, on the same event loop.
 */
public final class ChatClient {
  /** The common name in a peer port's certificate; nobody checks it, it is for people reading one. */
  private static final String PEER_NAME = "ProChat peer";
  private final EventLoop loop;
  private final ClientSession session;
  private final LinkKeeper keeper;
  private final PeerNode node;
  private final Welcome welcome;
  private final MessageIdSource ids = new MessageIdSource();

  private ChatClient(EventLoop loop, ClientSession session, LinkKeeper keeper, PeerNode node, Welcome welcome) {
    this.loop = loop;
    this.session = session;
    this.keeper = keeper;
    this.node = node;
    this.welcome = welcome;
  }

  /** {@link #connect(ServerAddress, String, ChatListener, ChatClientOptions)} with the defaults. */
  public static CompletableFuture<ChatClient> connect(ServerAddress server, String nick, ChatListener listener) {
    return connect(server, nick, listener, ChatClientOptions.DEFAULTS);
  }

  /**
   * Opens a link to the coordinator at {@code server} and joins the room as {@code nick}.
   *
   * @param nick the nickname to ask for; the coordinator checks it and may hand out a variant
   * @return completes with the client once the coordinator has welcomed it ({@link
   *     ChatListener#onWelcome} has run by then); fails with {@link ChatRefusedException} when the
   *     coordinator refuses the session (its error's code says why: {@code nick_invalid},
   *     {@code nick_reserved}, {@code too_many_connections}, ...) or with {@link ChatLinkException}
   *     when the coordinator cannot be reached or does not answer within the connect timeout, or the
   *     peer port cannot be opened — or its subclass {@link ServerCertificateChangedException} when the
   *     coordinator presents another certificate than the one pinned for it
   */
  public static CompletableFuture<ChatClient> connect(
      ServerAddress server, String nick, ChatListener listener, ChatClientOptions options) {
    Objects.requireNonNull(server, "server");
    TlsPinStore pins;
    try {
      pins = TlsPinStore.open(options.tlsPinFile());
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new ChatLinkException(e.getMessage(), e));
    }
    EventLoopGroup group = options.eventLoopGroup() != null ? options.eventLoopGroup() : ownEventLoop();
    EventLoop loop = group.next();
    PeerNode node;
    try {
      // The peer port's certificate is made here, off the loop: the loop learns only later whether it is needed.
      node = options.peer() == null ? null
          : PeerNode.start(options.peer(), loop, SelfSignedCertificates.generate(PEER_NAME, new SecureRandom()));
    } catch (IOException e) {
      shutDownOwn(options, group);
      return CompletableFuture.failedFuture(new ChatLinkException(e.getMessage(), e));
    }
    SessionKeys keys = new SessionKeys(server, options.trust() != null ? options.trust() : ClientTrust.ephemeral());
    ClientSession session = new ClientSession(nick, listener, node == null ? ClientSession.PeerOffer.NONE
        : new ClientSession.PeerOffer(options.peer().acceptsChildren(), node.port(), node.fingerprint().toString()),
        options.reconnectAfterShutdown(), keys);
    LinkKeeper keeper = new LinkKeeper(server, session, keys, new ProxySuspicion(), listener, options, loop, node,
        new CoordinatorTls(server, pins, options.requireTls()));
    session.troubleTo(keeper);
    keeper.closed().whenComplete((done, failure) -> shutDownOwn(options, group));
    loop.execute(keeper::start);
    return session.welcomed()
        .thenApply(welcome -> new ChatClient(loop, session, keeper, node, welcome));
  }

  /** What the coordinator said when it first let this client in: session id, granted nickname, room seq. */
  public Welcome welcome() {
    return welcome;
  }

  /** The nickname the coordinator granted (it may differ from the one asked for). */
  public String nick() {
    return welcome.nick();
  }

  /** The port this client's peer node listens on, if it has one. */
  public Optional<Integer> peerPort() {
    return Optional.ofNullable(node).map(PeerNode::port);
  }

  /**
   * Posts {@code text} to the room; text starting with {@code /} is a command the coordinator runs.
   * While the link is being re-established it waits and goes out once the client is back.
   *
   * @return completes with the ack (status {@code posted}, or {@code duplicate}); fails with {@link
   *     ChatRefusedException} when the coordinator refuses it (muted, text too long, ...) or with
   *     {@link ChatLinkException} when the session ends first
   */
  public CompletableFuture<Ack> say(String text) {
    Objects.requireNonNull(text, "text");
    String id = ids.next();
    return onEventLoop(() -> session.say(id, text));
  }

  /**
   * Whispers {@code text} to the user {@code to}.
   *
   * @return completes with the ack ({@code delivered}, or {@code queued} while they are offline);
   *     fails as {@link #say} does, for instance with code {@code unknown_user}
   */
  public CompletableFuture<Ack> whisper(String to, String text) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(text, "text");
    String id = ids.next();
    return onEventLoop(() -> session.whisper(id, to, text));
  }

  /**
   * Completes once every say and whisper sent so far has been acked or refused; fails with {@link
   * ChatLinkException} when the session ends while some are still waiting.
   */
  public CompletableFuture<Void> allAcked() {
    return onEventLoop(session::allAcked);
  }

  /** The round-trip time to the coordinator measured by the latest heartbeat, if any yet. */
  public Optional<Duration> roundTrip() {
    Channel uplink = keeper.uplink();
    HeartbeatHandler heartbeat = uplink == null ? null : uplink.pipeline().get(HeartbeatHandler.class);
    return Optional.ofNullable(heartbeat == null ? null : heartbeat.roundTrip());
  }

  /** How many users this client relays for right now. */
  public CompletableFuture<Integer> relayingFor() {
    return node == null ? CompletableFuture.completedFuture(0)
        : onEventLoop(() -> CompletableFuture.completedFuture(node.sessionsBelow()));
  }

  /** {@link #quit(String)} with the reason "quit". */
  public CompletableFuture<Void> quit() {
    return quit("quit");
  }

  /**
   * Says goodbye and closes every link; children of this client's peer node move elsewhere. Frames
   * not yet acked are not waited for (see {@link #allAcked}). The listener then hears {@link
   * ChatListener#onDisconnected} with {@code requested} true. Calling it again, or after the session
   * ended, does no harm.
   *
   * @param reason what the room is told in the leave event
   * @return completes when every link is closed: once the coordinator has read the goodbye and closed
   *     the link, or after a couple of seconds when it does not
   */
  public CompletableFuture<Void> quit(String reason) {
    Objects.requireNonNull(reason, "reason");
    try {
      loop.execute(() -> keeper.quit(reason));
    } catch (RejectedExecutionException alreadyStopped) {
      // The event loop only stops after the keeper finished, so 'closed' is already complete.
    }
    return keeper.closed().copy();
  }

  /**
   * Closes every link at once without a goodbye: to the coordinator and the peer node's children
   * this looks like a program that crashed (the room announces the leave only after the grace
   * period; the children move elsewhere). For programs that rehearse failures, like the benchmarks.
   *
   * @return completes when every link is closed
   */
  public CompletableFuture<Void> abort() {
    try {
      loop.execute(keeper::abort);
    } catch (RejectedExecutionException alreadyStopped) {
      // As for quit: the keeper has finished.
    }
    return keeper.closed().copy();
  }

  private <T> CompletableFuture<T> onEventLoop(Supplier<CompletableFuture<T>> action) {
    try {
      return CompletableFuture.supplyAsync(action, loop).thenCompose(result -> result);
    } catch (RejectedExecutionException alreadyStopped) {
      return CompletableFuture.failedFuture(new ChatLinkException("not connected", alreadyStopped));
    }
  }

  private static EventLoopGroup ownEventLoop() {
    // Daemon: a client that was never quit must not keep the JVM alive.
    return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("prochat-client", true), NioIoHandler.newFactory());
  }

  private static void shutDownOwn(ChatClientOptions options, EventLoopGroup group) {
    if (options.eventLoopGroup() == null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}

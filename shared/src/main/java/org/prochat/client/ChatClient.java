package org.prochat.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Say;
import org.prochat.protocol.Whisper;

/**
 * One user's chat session with a coordinator, over a direct link.
 *
 * <p>Every method may be called from any thread and never blocks. The session's state lives on the
 * link's Netty event loop; calls hop there, and the returned futures complete there, so a dependent
 * action ({@code thenAccept}) must not block either. Events arrive through the {@link ChatListener}
 * given to {@link #connect}, on the same event loop.
 */
public final class ChatClient {
  private final Channel channel;
  private final ClientSession session;
  private final HeartbeatHandler heartbeat;
  private final CompletableFuture<Void> closed;
  private final String nick;
  private final MessageIdSource ids = new MessageIdSource();

  private ChatClient(Channel channel, ClientSession session, HeartbeatHandler heartbeat,
      CompletableFuture<Void> closed, String nick) {
    this.channel = channel;
    this.session = session;
    this.heartbeat = heartbeat;
    this.closed = closed;
    this.nick = nick;
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
   *     when the coordinator cannot be reached or does not answer within the connect timeout
   */
  public static CompletableFuture<ChatClient> connect(
      ServerAddress server, String nick, ChatListener listener, ChatClientOptions options) {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(options, "options");
    ClientSession session = new ClientSession(nick, listener);
    HeartbeatHandler heartbeat = new HeartbeatHandler(options.heartbeatInterval(), options.silenceLimit());
    EventLoopGroup group = options.eventLoopGroup() != null ? options.eventLoopGroup() : ownEventLoop();

    ChannelFuture connecting = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true) // chat lines are small and someone is waiting for each
        .handler(new ChatLinkInitializer(session, heartbeat, options.connectTimeout()))
        .connect(server.host(), server.port());
    Channel channel = connecting.channel();
    // Watched from the start: once the link is closed its own event loop may stop, and a listener
    // added to a stopped loop would never run.
    CompletableFuture<Void> closed = new CompletableFuture<>();
    channel.closeFuture().addListener(done -> closed.complete(null));
    if (options.eventLoopGroup() == null) {
      channel.closeFuture().addListener(done -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS));
    }
    connecting.addListener((ChannelFuture done) -> {
      if (!done.isSuccess()) {
        session.abandon(new ChatLinkException(
            "cannot connect to " + server + ": " + done.cause().getMessage(), done.cause()));
        done.channel().close();
      }
    });
    return session.welcomed()
        .whenComplete((welcome, failure) -> {
          if (failure != null) {
            channel.close();
          }
        })
        .thenApply(welcome -> new ChatClient(channel, session, heartbeat, closed, welcome.nick()));
  }

  /** The nickname the coordinator granted (it may differ from the one asked for). */
  public String nick() {
    return nick;
  }

  /**
   * Posts {@code text} to the room; text starting with {@code /} is a command the coordinator runs.
   *
   * @return completes with the ack ({@code posted}; {@code done} for a command, or the whisper's
   *     status for {@code /msg}); fails with {@link
   *     ChatRefusedException} when the coordinator refuses it (muted, text too long, ...) or with
   *     {@link ChatLinkException} when the link closes first
   */
  public CompletableFuture<Ack> say(String text) {
    Objects.requireNonNull(text, "text");
    String id = ids.next();
    return onEventLoop(() -> session.send(id, new Say(id, text)));
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
    return onEventLoop(() -> session.send(id, new Whisper(id, to, text)));
  }

  /**
   * Completes once every say and whisper sent so far has been acked or refused; fails with {@link
   * ChatLinkException} when the link closes while some are still waiting.
   */
  public CompletableFuture<Void> allAcked() {
    return onEventLoop(session::allAcked);
  }

  /** The round-trip time to the coordinator measured by the latest heartbeat, if any yet. */
  public Optional<Duration> roundTrip() {
    return Optional.ofNullable(heartbeat.roundTrip());
  }

  /** {@link #quit(String)} with the reason "quit". */
  public CompletableFuture<Void> quit() {
    return quit("quit");
  }

  /**
   * Says goodbye and closes the link. Frames not yet acked are not waited for (see {@link
   * #allAcked}). The listener then hears {@link ChatListener#onDisconnected} with {@code requested}
   * true. Calling it again, or after the link closed, does no harm.
   *
   * @param reason what the room is told in the leave event
   * @return completes when the link is closed
   */
  public CompletableFuture<Void> quit(String reason) {
    Objects.requireNonNull(reason, "reason");
    try {
      channel.eventLoop().execute(() -> {
        session.quit(reason);
        // An empty write completes after the bye before it is flushed: close only then.
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      });
    } catch (RejectedExecutionException alreadyStopped) {
      // The event loop only stops after the link closed, so 'closed' is already complete.
    }
    return closed.copy();
  }

  private <T> CompletableFuture<T> onEventLoop(Supplier<CompletableFuture<T>> action) {
    try {
      return CompletableFuture.supplyAsync(action, channel.eventLoop()).thenCompose(result -> result);
    } catch (RejectedExecutionException alreadyStopped) {
      return CompletableFuture.failedFuture(new ChatLinkException("not connected", alreadyStopped));
    }
  }

  private static EventLoopGroup ownEventLoop() {
    // Daemon: a client that was never quit must not keep the JVM alive.
    return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("prochat-client", true), NioIoHandler.newFactory());
  }
}

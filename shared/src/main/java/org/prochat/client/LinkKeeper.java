package org.prochat.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.prochat.node.PeerLinkTls;
import org.prochat.node.PeerNode;
import org.prochat.node.PeerProber;
import org.prochat.protocol.Assign;
import org.prochat.protocol.Attach;
import org.prochat.protocol.Attached;
import org.prochat.protocol.Candidates;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Identify;
import org.prochat.protocol.Identity;
import org.prochat.protocol.PeerAddress;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Rtts;
import org.prochat.protocol.Stay;
import org.prochat.protocol.Welcome;
import org.prochat.wire.HalfClose;
import org.prochat.wire.TlsContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a client linked to the room. It opens the direct (bootstrap) link and says hello; when the
 * coordinator offers proxies it probes them and reports; when it assigns one it opens a link to
 * that proxy, attaches, and once the coordinator confirms, moves the session onto it and leaves the
 * direct link (reading it to its end). When the uplink is lost it reconnects to the coordinator with
 * back-off and resumes the session. The embedded {@link PeerNode}, if any, relays for children
 * through the uplink.
 *
 * <p>Not thread-safe: every method runs on the client's event loop, shared with the peer node.
 */
final class LinkKeeper implements ClientSession.Trouble {
  /** What a link is for. */
  enum Role {
    /** Straight to the coordinator: hello, candidates, and the uplink until a proxy takes over. */
    BOOTSTRAP,
    /** To the assigned proxy: attach, then the uplink once confirmed. */
    PARENT
  }

  /** A proxy that does not confirm the attach within this long is given up for the direct link. */
  static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(5);
  /** The longest wait between two reconnect attempts. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  /**
   * How long a quit waits, after its goodbye, for the other side to close the link. The coordinator
   * (or a proxy) closes it as soon as it reads the goodbye; one that has not within this long is not
   * going to, and the user is waiting to exit.
   */
  static final Duration GOODBYE_TIMEOUT = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(LinkKeeper.class);

  private final ServerAddress coordinator;
  private final ClientSession session;
  private final ChatListener listener;
  private final ChatClientOptions options;
  private final EventLoop loop;
  private final PeerNode node;
  private final PeerProber prober;
  private final SessionKeys keys;
  private final ProxySuspicion suspicion;
  private final CoordinatorTls tls;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  // Read from other threads for the round trip; written on the loop only.
  private volatile Channel uplink;
  private Channel bootstrap;
  private Channel attaching;
  /** The direct link after a move below a proxy: this side is shut, the coordinator's is read to its end. */
  private Channel draining;
  /** A plain bootstrap link the coordinator refused for want of TLS: closing, to be opened again with TLS. */
  private Channel upgrading;
  private boolean closing;
  private int failedAttempts;

  /**
   * @param node the peer node relaying through this client's uplink, or null for none
   * @param tls whether links to the coordinator speak TLS
   */
  LinkKeeper(ServerAddress coordinator, ClientSession session, SessionKeys keys, ProxySuspicion suspicion,
      ChatListener listener, ChatClientOptions options, EventLoop loop, PeerNode node, CoordinatorTls tls) {
    this.coordinator = coordinator;
    this.session = session;
    this.keys = keys;
    this.suspicion = suspicion;
    this.listener = listener;
    this.options = options;
    this.loop = loop;
    this.node = node;
    this.tls = tls;
    this.prober = new PeerProber(loop, options.connectTimeout().compareTo(Duration.ofSeconds(2)) < 0
        ? options.connectTimeout() : Duration.ofSeconds(2));
  }

  /** Completes once the last link is closed and no other will be opened. */
  CompletableFuture<Void> closed() {
    return closed;
  }

  /** Opens the first link, and checks every second for frames whose ack is overdue. */
  void start() {
    connectToCoordinator();
    ScheduledFuture<?> resender = loop.scheduleAtFixedRate(() -> session.resendOverdue(System.nanoTime()),
        1, 1, TimeUnit.SECONDS);
    closed.whenComplete((done, failure) -> resender.cancel(false));
  }

  /** The link through which the session speaks now, or null while reconnecting. */
  Channel uplink() {
    return uplink;
  }

  /** True when {@code channel} is the bootstrap link of a session not yet welcomed. */
  boolean awaitingWelcome(Channel channel) {
    return channel == bootstrap && !session.isOpen();
  }

  void welcomeTimedOut(Channel channel, Duration timeout) {
    session.abandon(new ChatLinkException("no welcome from the coordinator within " + timeout.toMillis() + " ms"));
  }

  void active(Channel channel, Role role) {
    if (closing) {
      channel.close();
      return;
    }
    switch (role) {
      case BOOTSTRAP -> {
        bootstrap = channel;
        uplink = channel;
        if (channel.pipeline().get(SslHandler.class) != null && node != null) {
          node.requireTls();
        }
        channel.writeAndFlush(new Identify()); // who is there, before saying hello: see identified()
      }
      case PARENT -> {
        attaching = channel;
        channel.writeAndFlush(new Attach(ProtocolLimits.VERSION, session.sid(),
            keys.seal().prove(Attach.statement(session.sid(), suspicion.parent()))));
        loop.schedule(() -> {
          if (attaching == channel) {
            log.info("{} did not confirm the attach in time; staying direct", channel.remoteAddress());
            channel.close();
          }
        }, ATTACH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  void read(Channel channel, Frame frame) {
    if (closing) {
      return; // after a quit a link is read only to its end: nothing on it is news any more
    }
    switch (frame) {
      case Identity identity when channel == bootstrap -> identified(channel, identity);
      case Candidates candidates when channel == bootstrap -> probe(channel, candidates);
      case Assign assign when channel == bootstrap -> assigned(assign.parent());
      case Attached attached when channel == attaching && attached.sid().equals(session.sid()) -> {
        if (keys.seal().proves(Attached.statement(attached.sid(), attached.parentNick(), attached.seq()),
            attached.proof())) {
          switchTo(channel, attached);
        } else {
          forged(channel, "an attach confirmation the coordinator did not make");
        }
      }
      case Welcome fake when channel != bootstrap -> forged(channel, "a welcome from a proxy");
      // Not news for the user: the coordinator closes this link, and the next one speaks TLS.
      case ErrorFrame refused when channel == bootstrap && refused.code() == ErrorCode.TLS_REQUIRED
          && channel.pipeline().get(SslHandler.class) == null -> {
        log.info("{} requires TLS; connecting again with TLS", coordinator);
        tls.requiredByCoordinator();
        upgrading = channel;
      }
      // Routine for the overlay, not news for the user: the proxy closes the link and we stay direct.
      case ErrorFrame refused when channel == attaching ->
          log.info("{} refused the attach: {}", channel.remoteAddress(), refused.message());
      default -> {
        // Before the welcome nothing is for children (and the node does not know our session yet).
        // What the coordinator sent down the direct link before a move is routed as it would have been.
        if ((channel == uplink || channel == draining) && node != null && session.isOpen()
            && !node.fromUplink(frame)) {
          return; // for a child only
        }
        if (frame.sid() != null && !frame.sid().equals(session.sid()) && !(frame instanceof Welcome)) {
          // For a child (the node took it above), or routed the old way during a move: not ours.
          return;
        }
        if (frame instanceof Welcome && channel == uplink) {
          // Before the welcome is handled, so it is known by the time connecting completes.
          listener.onLinkSecurity(LinkSecurity.of(channel));
        }
        session.receive(frame);
        if (frame instanceof Welcome welcome && channel == uplink) {
          if (session.ended()) {
            channel.close(); // the coordinator's identity did not check out: nothing more is said
          } else {
            welcomed(welcome);
          }
        }
      }
    }
  }

  void writabilityChanged(Channel channel) {
    if (channel == uplink && node != null) {
      node.uplinkWritabilityChanged();
    }
  }

  void inactive(Channel channel) {
    if (channel == upgrading) {
      reconnectWithTls();
      return;
    }
    if (channel == attaching) {
      attaching = null;
      if (bootstrap != null) {
        bootstrap.writeAndFlush(new Stay(session.sid())); // the proxy failed us: keep the direct link
      }
    }
    if (channel == bootstrap) {
      bootstrap = null;
    }
    if (channel == draining) {
      draining = null;
    }
    if (channel != uplink) {
      return;
    }
    uplink = null;
    if (node != null) {
      node.uplinkDown();
    }
    if (closing || session.ended() || !session.isOpen()) {
      finish();
    } else {
      session.linkLost();
      reconnectLater();
    }
  }

  /**
   * A TLS handshake failed. To the coordinator, a refused certificate or a server now speaking plain
   * text ends the session (or its start) for good; another failure is a lost link like any. To a
   * proxy, it is a proxy failing us: the link closes and we stay direct.
   */
  void tlsFailed(Channel channel, Role role, Throwable cause) {
    if (role == Role.PARENT) {
      log.info("TLS with proxy {} failed; staying direct: {}", channel.remoteAddress(), cause.getMessage());
      return;
    }
    CoordinatorTls.Refusal refusal = tls.explain(cause);
    if (refusal.forGood() || !session.isOpen()) {
      log.warn("{}", refusal.reason().getMessage());
      session.refuseServer(refusal.reason());
    }
  }

  /**
   * Says goodbye and closes every link; the peer node's children move elsewhere. The uplink is shut
   * after the bye and read until the other side, having read the bye, closes it (or {@link
   * #GOODBYE_TIMEOUT} passes). Closed at once, a socket with anything from the coordinator still
   * unread or on its way answers with a reset: a coordinator that writes to the link before it has
   * read the bye (a checkpoint, say) then fails that write and drops the link with the bye unread, and
   * the room announces the user lost after the grace period instead of gone with this reason.
   */
  void quit(String reason) {
    closing = true;
    session.quit(reason);
    closeLinks();
    if (uplink != null) {
      HalfClose.afterWrites(uplink, GOODBYE_TIMEOUT);
    } else {
      finish();
    }
  }

  /** Closes every link at once and says nothing, as a program that crashed. */
  void abort() {
    closing = true;
    closeLinks();
    if (uplink != null) {
      uplink.close();
    } else {
      finish();
    }
  }

  private void closeLinks() {
    if (attaching != null) {
      attaching.close();
    }
    if (bootstrap != null && bootstrap != uplink) {
      bootstrap.close();
    }
    if (draining != null) {
      draining.close();
    }
  }

  /**
   * The coordinator said who it is: when that is who this client trusts, say hello (joining or
   * resuming the session); else close the link before joining anything.
   */
  private void identified(Channel channel, Identity identity) {
    if (session.identified(identity)) {
      session.linkOpened(frame -> channel.writeAndFlush(frame).addListener(ChannelFutureListener.CLOSE_ON_FAILURE),
          channel.pipeline().get(SslHandler.class) != null);
    } else {
      channel.close();
    }
  }

  /**
   * A frame on {@code channel} failed its seal or signature, or should have had one. Below a proxy,
   * the proxy (or one above it) made it up: leave it for the coordinator's direct link, which resumes
   * the session and places it elsewhere, and report the proxy once there.
   */
  void forged(Channel channel, String what) {
    log.warn("dropped a forged frame from {}: {}", channel.remoteAddress(), what);
    if (channel == bootstrap || channel == draining) {
      return; // the coordinator's own link: nobody in the middle but the network, which TLS guards
    }
    suspicion.forged();
    channel.close();
  }

  /** The session caught a forged frame on the uplink (a chained event or a checkpoint). */
  @Override
  public void forged(String what) {
    if (uplink != null) {
      forged(uplink, what);
    }
  }

  /** Room events went missing on the way: a proxy that keeps losing them is reported. */
  @Override
  public void gap() {
    if (uplink != null && uplink != bootstrap) {
      suspicion.dropped(System.nanoTime()).ifPresent(report -> session.report(report));
    }
  }

  /** A session above this one resumed and this one moved along: gaps for a while are the move's doing. */
  @Override
  public void branchMoved() {
    suspicion.branchMoved(System.nanoTime());
  }

  private void welcomed(Welcome welcome) {
    failedAttempts = 0;
    suspicion.pendingReport().ifPresent(session::report);
    if (node != null) {
      node.ownSession(welcome.sid());
      node.uplinkUp(uplink);
    }
    listener.onRoute(null);
  }

  private void probe(Channel channel, Candidates candidates) {
    prober.probe(suspicion.trusted(candidates.peers())).thenAcceptAsync(measured -> {
      if (bootstrap == channel && channel.isActive()) {
        channel.writeAndFlush(new Rtts(session.sid(), measured));
      }
    }, loop);
  }

  private void assigned(PeerAddress parent) {
    if (parent != null) {
      suspicion.assigned(parent.sid());
      connect(parent.host(), parent.port(), Role.PARENT, channel -> PeerLinkTls.addTo(channel, parent));
    } else {
      listener.onKeptDirect();
    }
  }

  /** The coordinator confirmed the attach: speak through the proxy from now on and leave the direct link. */
  private void switchTo(Channel channel, Attached attached) {
    Channel direct = bootstrap;
    uplink = channel;
    attaching = null;
    bootstrap = null;
    session.uplinkChanged(frame -> channel.writeAndFlush(frame).addListener(ChannelFutureListener.CLOSE_ON_FAILURE));
    if (node != null) {
      node.uplinkUp(channel);
    }
    listener.onLinkSecurity(LinkSecurity.of(channel));
    listener.onRoute(attached.parentNick());
    suspicion.attached(System.nanoTime());
    session.headAt(attached.seq());
    if (direct != null) {
      drain(direct);
    }
  }

  /**
   * Leaves the direct link after a move without cutting it: its output is shut (after what was
   * written on it), and it is read until the coordinator, seeing that end, closes it. Frames the
   * coordinator sent that way before it moved the branch (a replay for a session below, say) are still
   * on their way; closing the socket at once would throw away whatever was not read yet, and a
   * session waiting for that replay would wait for its patience to run out. Should the coordinator
   * never close it, the link's heartbeat does once it hears nothing more.
   */
  private void drain(Channel direct) {
    if (draining != null) {
      draining.close();
    }
    draining = direct;
    HalfClose.afterWrites(direct);
  }

  /** Opens a bootstrap link to the coordinator: TLS or plain text, as {@link CoordinatorTls} says. */
  private void connectToCoordinator() {
    SslContext context = tls.nextLink();
    connect(coordinator.host(), coordinator.port(), Role.BOOTSTRAP, channel -> {
      if (context != null) {
        channel.pipeline().addFirst("tls",
            TlsContexts.clientHandler(context, channel.alloc(), coordinator.host(), coordinator.port()));
      }
    });
  }

  /** The coordinator refused a plain link for want of TLS: straight back, with TLS, no back-off. */
  private void reconnectWithTls() {
    upgrading = null;
    bootstrap = null;
    uplink = null;
    if (closing || session.ended()) {
      finish();
      return;
    }
    if (session.isOpen()) {
      session.linkLost();
    }
    connectToCoordinator();
  }

  /** @param security puts TLS (or not) on the new link's pipeline, before the protocol's handlers */
  private void connect(String host, int port, Role role, Consumer<Channel> security) {
    ChannelFuture connecting = new Bootstrap()
        .group(loop)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true) // chat lines are small and someone is waiting for each
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
        .handler(new ChatLinkInitializer(this, role, options, session::sid, keys, security))
        .connect(host, port);
    connecting.addListener((ChannelFuture done) -> {
      if (!done.isSuccess()) {
        connectFailed(role, host + ":" + port, done.cause());
      }
    });
  }

  private void connectFailed(Role role, String where, Throwable cause) {
    if (role == Role.PARENT) {
      if (bootstrap != null) {
        bootstrap.writeAndFlush(new Stay(session.sid()));
      }
    } else if (!session.isOpen()) {
      session.abandon(new ChatLinkException("cannot connect to " + where + ": " + cause.getMessage(), cause));
      finish();
    } else if (!closing) {
      reconnectLater();
    }
  }

  private void reconnectLater() {
    failedAttempts++;
    Duration delay = backoff(failedAttempts);
    listener.onReconnecting(failedAttempts, delay);
    loop.schedule(() -> {
      if (!closing && uplink == null) {
        connectToCoordinator();
      }
    }, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The first try comes at once (a proxy died; the coordinator is most likely fine), then waits
   * double up to {@link #MAX_BACKOFF}, each stretched by up to half at random so that a room full
   * of clients does not reconnect in lockstep after the coordinator restarts.
   */
  static Duration backoff(int attempt) {
    long base = attempt <= 1 ? 50 : Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(attempt - 2, 10));
    return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }

  private void finish() {
    if (closed.isDone()) {
      return;
    }
    if (node != null) {
      node.close();
    }
    session.linkClosed();
    closed.complete(null);
  }
}

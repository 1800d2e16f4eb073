package org.prochat.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prochat.crypto.ChainVerifier;
import org.prochat.crypto.CryptoFailure;
import org.prochat.crypto.WhisperBox;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Bye;
import org.prochat.protocol.Chained;
import org.prochat.protocol.Checkpoint;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Identity;
import org.prochat.protocol.Join;
import org.prochat.protocol.Presence;
import org.prochat.protocol.Notice;
import org.prochat.protocol.Pong;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Replay;
import org.prochat.protocol.Report;
import org.prochat.protocol.Resume;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Say;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;
import org.prochat.protocol.Whisper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one chat session and what each frame from the coordinator does to it: the welcome
 * handshake, acks and refusals settling the {@link SendOutbox}, room events put in order by the
 * {@link RoomEventSequencer}, everything else passed to the {@link ChatListener}.
 *
 * <p>It knows nothing of sockets: a link hands it a way to send frames ({@link #linkOpened},
 * {@link #uplinkChanged}) and tells it when it is lost ({@link #linkLost}) or closed for good
 * ({@link #linkClosed}). A session outlives a lost link: on the next link it asks for itself back,
 * sends again what was not acknowledged and replays what it missed, so nothing is lost and nothing
 * shown twice.
 *
 * <p>Once welcomed with keys ({@link SessionKeys}) it takes room events only as the coordinator
 * vouched for them: sealed copies, or chained broadcasts released by a signed checkpoint. What fails
 * such a check goes to the {@link Trouble} witness, which moves the session away from its proxy.
 *
 * <p>Not thread-safe: every method runs on the client's event loop.
 */
final class ClientSession {
  private static final Logger log = LoggerFactory.getLogger(ClientSession.class);
  private static final String CONNECTION_LOST = "connection lost";
  /** How long a frame waits for its ack before it is sent again. Acks take milliseconds normally. */
  static final Duration ACK_PATIENCE = Duration.ofSeconds(3);
  /** A whisper typed as a command, which in an end-to-end room must be boxed here, not sent as text. */
  private static final Pattern TYPED_WHISPER = Pattern.compile("^/(?:msg|w)\\s+(\\S+)\\s+(.+)$", Pattern.DOTALL);

  /** Told what the session saw go wrong on the way: the keeper decides what it says about the proxy. */
  interface Trouble {
    /** A frame failed its seal, chain or signature. */
    void forged(String what);

    /** Room events were missing and had to be asked for again. */
    void gap();

    /**
     * The branch this session hangs in moved (a session above it resumed): what was on its way through
     * the old route may be lost, and gaps for a while are the move's doing, not the proxy's.
     */
    void branchMoved();
  }

  private final String askedNick;
  private final ChatListener listener;
  private final PeerOffer peerOffer;
  private final boolean reconnectAfterShutdown;
  private final SessionKeys keys;
  private Trouble trouble;
  private final WhisperKeyDirectory whisperKeys = new WhisperKeyDirectory();
  private final SendOutbox outbox = new SendOutbox();
  private final List<String> usersSoFar = new ArrayList<>();
  private final CompletableFuture<Welcome> welcomed = new CompletableFuture<>();
  private Consumer<Frame> link;
  private RoomEventSequencer sequencer;
  private Welcome current;
  private long lastWhisper;
  private String closeReason;
  private boolean ended;
  private boolean quitting;

  /**
   * What this client offers the overlay in its hello: to relay for others, on which port, and the
   * fingerprint of that port's certificate (offered only on TLS links).
   */
  record PeerOffer(boolean relay, Integer port, String cert) {
    static final PeerOffer NONE = new PeerOffer(false, null, null);
  }

  /**
   * @param reconnectAfterShutdown true to come back after the coordinator shuts down (a bye to
   *     everyone) rather than end the session
   */
  ClientSession(String askedNick, ChatListener listener, PeerOffer peerOffer, boolean reconnectAfterShutdown,
      SessionKeys keys) {
    this.askedNick = Objects.requireNonNull(askedNick, "askedNick");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.peerOffer = Objects.requireNonNull(peerOffer, "peerOffer");
    this.reconnectAfterShutdown = reconnectAfterShutdown;
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /** Who hears of forged frames and gaps: the keeper of this session's links, made after the session. */
  void troubleTo(Trouble witness) {
    this.trouble = Objects.requireNonNull(witness, "witness");
  }

  /**
   * Completes with the first welcome (after {@link ChatListener#onWelcome}); fails with {@link
   * ChatRefusedException} when the coordinator refuses the session, or {@link ChatLinkException} when
   * the link fails first.
   */
  CompletableFuture<Welcome> welcomed() {
    return welcomed;
  }

  /** The session id, or null before the first welcome. */
  String sid() {
    return current == null ? null : current.sid();
  }

  /** The resume token, or null before the first welcome. */
  String token() {
    return current == null ? null : current.token();
  }

  /** True once the coordinator has welcomed this session. */
  boolean isOpen() {
    return sequencer != null;
  }

  /**
   * True when the session must not come back: the user quit, or the coordinator said goodbye or
   * refused it for good.
   */
  boolean ended() {
    return ended || quitting;
  }

  /**
   * A new link to the coordinator is up: frames go out through {@code sender}, starting with the
   * hello — asking for this session back when it had one.
   *
   * @param tls true when the link is TLS: the peer port then requires TLS too, and the hello says
   *     which certificate it presents
   */
  void linkOpened(Consumer<Frame> sender, boolean tls) {
    this.link = sender;
    Resume resume = current == null ? null : new Resume(current.sid(), current.token(), lastWhisper);
    String nick = current == null ? askedNick : current.nick();
    sender.accept(new Hello(ProtocolLimits.VERSION, nick, peerOffer.relay(), peerOffer.port(), resume, null,
        tls ? peerOffer.cert() : null, keys.offer(), keys.whisperKey().publicKey()));
  }

  /** The session now speaks through another link (it moved below a proxy); no hello needed. */
  void uplinkChanged(Consumer<Frame> sender) {
    this.link = sender;
  }

  /** The link is lost but the session goes on: what is sent meanwhile waits in the outbox. */
  void linkLost() {
    link = null;
    if (sequencer != null) {
      sequencer.forgetReplay();
    }
  }

  /**
   * This client refuses the server (its certificate changed, or it no longer speaks TLS): the session
   * ends with {@code reason} once the link is closed, and is not resumed.
   */
  void refuseServer(ChatLinkException reason) {
    if (isOpen()) {
      ended = true;
      rememberCloseReason(reason.getMessage());
    } else {
      abandon(reason);
    }
  }

  /** The session cannot start: the link failed or the welcome took too long. No effect once welcomed. */
  void abandon(ChatLinkException cause) {
    welcomed.completeExceptionally(cause);
  }

  /** One frame for this session. */
  void receive(Frame frame) {
    if (!isOpen() && !(frame instanceof Welcome || frame instanceof ErrorFrame || frame instanceof Bye)) {
      log.debug("ignored a {} that came before the welcome", frame.getClass().getSimpleName());
      return;
    }
    switch (frame) {
      case Welcome welcome -> welcome(welcome);
      case ErrorFrame error -> error(error);
      case Bye bye -> bye(bye);
      case Users users -> users(users);
      case RoomEvent event -> roomEvent(event);
      case Chained chained -> {
        if (!keys.chain().hold(chained)) {
          trouble.forged("a chained event that is not one");
        }
      }
      case Checkpoint checkpoint -> checkpoint(checkpoint);
      case Ack ack -> outbox.acknowledge(ack);
      case PrivateMessage message -> privateMessage(message);
      case Notice notice -> listener.onNotice(notice);
      case Pong pong -> pong(pong);
      default -> log.debug("ignored a {} the coordinator should not send", frame.getClass().getSimpleName());
    }
  }

  /**
   * A bye to this session ends it. A bye to everyone is the coordinator shutting down: the end too,
   * unless this client is to come back when it does (the link's loss then starts the reconnecting).
   */
  private void bye(Bye bye) {
    if (bye.sid() == null && reconnectAfterShutdown && isOpen()) {
      log.info("the coordinator is shutting down ({}); will reconnect", bye.reason());
      return;
    }
    ended = true;
    rememberCloseReason(bye.reason());
  }

  /**
   * The room is at the pong's {@code seq}. Events up to there that came chained are not missed, only
   * held until their checkpoint (signed off the room's loop, at most every 50 ms) releases them:
   * asking for them again would have the room send each a second time, sealed one by one, to every
   * session whose pong overtook a checkpoint. So only a head beyond what came, or a checkpoint
   * overdue, asks for a replay.
   */
  private void pong(Pong pong) {
    if (pong.branchMoved()) {
      branchMoved(pong.seq());
      return;
    }
    if (!keys.chain().awaitsCheckpointThrough(pong.seq(), System.nanoTime(), ACK_PATIENCE.toNanos())) {
      headAt(pong.seq());
    }
  }

  /**
   * A session above this one resumed, and this session moved along with it onto a new route: a replay
   * or an ack that was on its way through the old one may never come. Ask again now, as after a resume
   * of its own, rather than wait for the overdue check.
   */
  private void branchMoved(long head) {
    trouble.branchMoved();
    sequencer.forgetReplay();
    resendUnacknowledged();
    headAt(head);
  }

  /** The room is at {@code seq} (a pong or an attach confirmation says so): replay the end if it was missed. */
  void headAt(long seq) {
    if (isOpen() && link != null) {
      sequencer.headAt(seq).ifPresent(after -> link.accept(new Replay(sid(), after)));
    }
  }

  /**
   * Posts {@code text} (or runs it as a command) under {@code id}; see {@link #send}. In a room with
   * end-to-end whispers a typed {@code /msg} is boxed here, as the coordinator must not see its words.
   */
  CompletableFuture<Ack> say(String id, String text) {
    Matcher typedWhisper = TYPED_WHISPER.matcher(text);
    if (keys.endToEnd() && typedWhisper.matches()) {
      return whisper(id, typedWhisper.group(1), typedWhisper.group(2));
    }
    return send(id, new Say(null, id, text));
  }

  /**
   * Whispers {@code text} to {@code to} under {@code id}; see {@link #send}. In a room with end-to-end
   * whispers the words are boxed for the recipient's key, which the coordinator introduced.
   */
  CompletableFuture<Ack> whisper(String id, String to, String text) {
    if (!keys.endToEnd()) {
      return send(id, new Whisper(null, id, to, text));
    }
    Optional<String> recipientKey = whisperKeys.keyOf(to);
    if (recipientKey.isEmpty()) {
      return CompletableFuture.failedFuture(new ChatRefusedException(new ErrorFrame(sid(), ErrorCode.UNKNOWN_USER,
          "whispers here are end-to-end encrypted, and " + to + " has not been in the room since you joined,"
              + " so there is no key to encrypt for", id, false)));
    }
    try {
      return send(id, new Whisper(null, id, to, null, WhisperBox.seal(keys.whisperKey(), recipientKey.get(), text)));
    } catch (CryptoFailure e) {
      return CompletableFuture.failedFuture(new ChatRefusedException(new ErrorFrame(sid(), ErrorCode.UNKNOWN_USER,
          "the key the coordinator gave for " + to + " is not usable: " + e.getMessage(), id, false)));
    }
  }

  /**
   * Sends a frame that expects an ack, now or, while the link is lost, once it is back.
   *
   * @return see {@link SendOutbox#add}; fails at once with {@link ChatLinkException} before the
   *     welcome or once the session has ended
   */
  private CompletableFuture<Ack> send(String id, Frame frame) {
    if (!isOpen() || ended()) {
      return CompletableFuture.failedFuture(new ChatLinkException("not connected"));
    }
    CompletableFuture<Ack> acked = outbox.add(id, frame, System.nanoTime());
    if (link != null) {
      link.accept(stamped(frame));
    }
    return acked;
  }

  /**
   * Sends again what has waited too long for its ack, and asks again for a replay that never came:
   * a proxy above may have died with them while this client's own link stayed up. The coordinator
   * drops what it already has, by id, and the sequencer drops events it already has.
   */
  void resendOverdue(long nowNanos) {
    if (link != null && isOpen()) {
      outbox.overdue(nowNanos, ACK_PATIENCE.toNanos()).forEach(frame -> link.accept(stamped(frame)));
      sequencer.overdueReplay(nowNanos, ACK_PATIENCE.toNanos()).ifPresent(after -> link.accept(new Replay(sid(), after)));
    }
  }

  /** Tells the coordinator what the proxy did (sealed, so the proxy can't forge such reports). */
  void report(Report report) {
    if (link != null && isOpen()) {
      link.accept(new Report(sid(), report.proxy(), report.kind()));
    }
  }

  /** See {@link SendOutbox#whenEmpty}. */
  CompletableFuture<Void> allAcked() {
    return outbox.whenEmpty();
  }

  /** Says goodbye with {@code reason}; the caller closes the link once the bye is written. */
  void quit(String reason) {
    if (!quitting) {
      quitting = true;
      rememberCloseReason(reason);
      if (link != null) {
        link.accept(new Bye(sid(), reason));
      }
    }
  }

  /** The last link is gone and none will follow: the session is over, or never started. */
  void linkClosed() {
    link = null;
    ended = true;
    String reason = closeReason != null ? closeReason : CONNECTION_LOST;
    if (!isOpen()) {
      welcomed.completeExceptionally(
          new ChatLinkException("the coordinator closed the connection before the welcome (" + reason + ")"));
      return;
    }
    outbox.failAll(new ChatLinkException("disconnected: " + reason));
    listener.onDisconnected(reason, quitting);
  }

  /**
   * The coordinator said who it is, before this link's hello.
   *
   * @return true to go on with the hello; false when its identity is refused (the session is over)
   */
  boolean identified(Identity identity) {
    boolean firstContact;
    try {
      firstContact = keys.identified(identity);
    } catch (ServerKeyChangedException | CryptoFailure refused) {
      refuseCoordinator(refused instanceof ServerKeyChangedException
          ? refused : new ChatLinkException(refused.getMessage(), refused));
      return false;
    }
    listener.onServerIdentity(keys.fingerprint(), firstContact);
    return true;
  }

  private void refuseCoordinator(Exception why) {
    ended = true;
    rememberCloseReason(why.getMessage());
    log.warn("not talking to the coordinator: {}", why.getMessage());
    welcomed.completeExceptionally(why);
  }

  private void welcome(Welcome welcome) {
    try {
      keys.welcomed(welcome);
    } catch (CryptoFailure refused) {
      refuseCoordinator(new ChatLinkException(refused.getMessage(), refused));
      return;
    }
    if (!isOpen()) {
      current = welcome;
      sequencer = new RoomEventSequencer(welcome.seq());
      listener.onWelcome(welcome, askedNick);
      welcomed.complete(welcome);
      return;
    }
    // Back after a lost link: the same session when resumed, else a new one in the same room.
    current = welcome;
    if (!welcome.resumed() && welcome.seq() < sequencer.lastSeq()) {
      // A coordinator that lost its newest events (a crash) numbers again from where its store ends:
      // start over from there, or every new event would look like one already seen.
      sequencer = new RoomEventSequencer(welcome.seq());
    }
    listener.onReconnected(welcome);
    resendUnacknowledged();
    link.accept(new Replay(sid(), sequencer.lastSeq()));
  }

  /** Everything still waiting for its ack goes again now, and counts as sent now for the overdue check. */
  private void resendUnacknowledged() {
    if (link != null) {
      outbox.overdue(System.nanoTime(), 0).forEach(frame -> link.accept(stamped(frame)));
    }
  }

  private void error(ErrorFrame error) {
    if (error.fatal() && error.code() != ErrorCode.TIMEOUT) {
      ended = true; // a timeout is the link's fault and worth another try; anything else is final
    }
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

  /** A big room's list comes in pieces: the listener hears it once, whole. */
  private void users(Users piece) {
    whisperKeys.learn(piece);
    usersSoFar.addAll(piece.nicks());
    if (!piece.more()) {
      listener.onUsers(new Users(piece.sid(), piece.seq(), usersSoFar, false));
      usersSoFar.clear();
    }
  }

  /** Chained events the checkpoint vouches for are shown; the rest of what it covers is dropped. */
  private void checkpoint(Checkpoint checkpoint) {
    ChainVerifier.Verdict verdict = keys.chain().settle(checkpoint);
    if (verdict.badSignature()) {
      trouble.forged("a checkpoint the coordinator did not sign");
      return;
    }
    if (verdict.forged() > 0) {
      trouble.forged(verdict.forged() + " chained events the coordinator did not send");
    }
    verdict.verified().forEach(this::roomEvent);
    // A checkpoint ahead of all this session has means events passed it by (on the old link of a
    // move, say): once its signature checks out, it is worth a replay, as a pong's seq is.
    if (!verdict.verified().isEmpty() || (checkpoint.seq() > sequencer.lastSeq() && keys.chain().signed(checkpoint))) {
      headAt(checkpoint.seq());
    }
  }

  private void roomEvent(RoomEvent event) {
    switch (event) {
      case Join join -> whisperKeys.learn(join);
      case Presence presence -> whisperKeys.learn(presence);
      default -> { }
    }
    RoomEventSequencer.Release release = sequencer.accept(event);
    release.inOrder().forEach(e -> listener.onRoomEvent(e, sequencer.isHistory(e)));
    release.replayAfter().ifPresent(after -> {
      trouble.gap();
      if (link != null) {
        link.accept(new Replay(sid(), after));
      }
    });
  }

  /** Whispers resent after a resume may already have arrived: their numbers tell. */
  private void privateMessage(PrivateMessage sealed) {
    PrivateMessage message;
    try {
      message = sealed.box() == null ? sealed
          : sealed.opened(WhisperBox.open(keys.whisperKey(), sealed.fromKey(), sealed.box()));
    } catch (CryptoFailure e) {
      log.warn("a whisper from {} could not be opened: {}", sealed.from(), e.getMessage());
      listener.onNotice(new Notice(sid(), "A whisper from " + sealed.from()
          + " could not be decrypted (it was sealed for another key of yours)."));
      return;
    }
    if (message.n() > 0) {
      if (message.n() <= lastWhisper) {
        return;
      }
      lastWhisper = message.n();
    }
    listener.onPrivateMessage(message);
  }

  /** The frame as sent by this session now: it names the current session id (proxies require it). */
  private Frame stamped(Frame frame) {
    return switch (frame) {
      case Say say -> new Say(sid(), say.id(), say.text());
      case Whisper whisper -> new Whisper(sid(), whisper.id(), whisper.to(), whisper.text(), whisper.box());
      default -> frame;
    };
  }

  /** The first reason wins: a fatal error is more telling than the bye that follows it. */
  private void rememberCloseReason(String reason) {
    if (closeReason == null) {
      closeReason = reason;
    }
  }
}

package org.prochat.server.room;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.prochat.crypto.CryptoFailure;
import org.prochat.crypto.EventChain;
import org.prochat.crypto.FrameSeal;
import org.prochat.crypto.PublicKeys;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Attach;
import org.prochat.protocol.Bye;
import org.prochat.protocol.Detached;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Identity;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.ListChunks;
import org.prochat.protocol.Message;
import org.prochat.protocol.NicknameRules;
import org.prochat.protocol.Notice;
import org.prochat.protocol.Ping;
import org.prochat.protocol.Pong;
import org.prochat.protocol.Presence;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Replay;
import org.prochat.protocol.Report;
import org.prochat.protocol.Resume;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Rtts;
import org.prochat.protocol.Say;
import org.prochat.protocol.Sealed;
import org.prochat.protocol.Stay;
import org.prochat.protocol.TextRules;
import org.prochat.protocol.Violation;
import org.prochat.protocol.Welcome;
import org.prochat.protocol.Whisper;
import org.prochat.server.CoordinatorSettings;
import org.prochat.server.overlay.OverlayTree;
import org.prochat.server.overlay.ProxyChooser;
import org.prochat.server.stats.ServerStats;
import org.prochat.server.store.ChatStore;
import org.prochat.server.store.PendingWhisper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room: admits and resumes sessions, numbers every event, fans it out, keeps whispers
 * private, runs text commands and enforces flood control.
 *
 * <p>Sessions that offered a key exchange in their hello are sealed ({@link FrameSeal}): what they
 * send must come sealed, what goes to them alone is sealed, and live room events reach them as a
 * hash chain ({@link EventChain}) that a {@link CheckpointSigner} signs now and then. So proxies can
 * neither read whispers nor forge, alter or replay anything; see "Untrusted proxies" in PROTOCOL.md.
 *
 * <p>Threading: every method must be called on the room's event loop, which is also the loop of
 * every client link, so the room's state needs no locks and writes need no hand-over. Store work
 * runs on the store thread; its results come back to the loop before they touch the room.
 */
public final class Room {
  /** Events the room keeps in memory for history and replays. */
  public static final int RING_CAPACITY = 2048;
  /** Most events one replay request returns; a client still behind asks again. */
  static final int MAX_REPLAY = 5000;
  private static final int MAX_REASON_CODE_POINTS = 120;
  /**
   * About the most history a newcomer gets, in bytes: a busy room's recent messages fit, and a join
   * storm's presence events cost each newcomer no more than this.
   */
  static final int HISTORY_ON_JOIN_BYTES = 32 * 1024;
  /** Longest a join or leave in a big room waits to be announced with others. */
  static final long PRESENCE_WINDOW_MILLIS = 500;
  private static final Logger log = LoggerFactory.getLogger(Room.class);

  private final CoordinatorSettings settings;
  private final ChatStore store;
  private final ServerStats stats;
  private final EventLoop loop;
  private final Clock clock;
  private final RandomGenerator random;
  private final HistoryRing history;
  private final SessionRegistry sessions = new SessionRegistry();
  private final RouteTable routes;
  private final ProxyPlacement placement;
  private final Set<Link> links = new LinkedHashSet<>();
  private final Set<String> knownNickKeys;
  private final CoordinatorKeys keys;
  /** Who this coordinator is, as {@code identity} frames and sealed welcomes say: the same all run. */
  private final Identity identity;
  private final EventChain chain = new EventChain();
  private final CheckpointSigner signer;
  private final AnnouncedRoster roster;
  private final PresenceBatch pendingPresence = new PresenceBatch();
  private ScheduledFuture<?> presenceFlush;
  private RoomObserver observer = RoomObserver.NONE;
  private long lastSeq;

  /**
   * @param random source of resume tokens and of the proxy choice among equals; must be a secure one
   * @param lastSeq the newest stored event number; numbering continues after it
   * @param newestStored the newest stored events, to serve history right after a restart
   * @param knownNickKeys keys of every nickname ever seen, so whispers to them can wait
   * @param keys the coordinator's identity and exchange key
   */
  public Room(CoordinatorSettings settings, ChatStore store, ServerStats stats, EventLoop loop, Clock clock,
      RandomGenerator random, long lastSeq, List<RoomEvent> newestStored, Set<String> knownNickKeys,
      CoordinatorKeys keys) {
    this.settings = settings;
    this.store = store;
    this.stats = stats;
    this.loop = loop;
    this.clock = clock;
    this.random = random;
    this.lastSeq = lastSeq;
    this.history = new HistoryRing(RING_CAPACITY, newestStored);
    this.routes = new RouteTable(loop, stats);
    this.placement = new ProxyPlacement(new OverlayTree(settings.overlay()), new ProxyChooser(random),
        sessions, routes);
    this.knownNickKeys = new HashSet<>(knownNickKeys);
    this.keys = keys;
    this.identity = new Identity(keys.identity().publicKey(), keys.exchange().exchangeKey(),
        keys.exchange().signature(), keys.endToEnd());
    this.signer = new CheckpointSigner(keys.identity(), loop, routes::broadcastToVerifiers);
    this.roster = new AnnouncedRoster(keys.endToEnd());
  }

  /** The event loop every call must come from. */
  public EventLoop loop() {
    return loop;
  }

  /** How many users are in the room (including those whose link is lost but who may resume). */
  public int size() {
    return sessions.size();
  }

  /** The proxy tree, for stats and views. */
  public OverlayTree tree() {
    return placement.tree();
  }

  /** How many links the coordinator writes each broadcast to. */
  public int directLinks() {
    return routes.carryingLinks().size();
  }

  /** Who watches the room from now on (one observer; {@link RoomObserver#NONE} to stop). */
  public void observe(RoomObserver newObserver) {
    this.observer = newObserver;
  }

  /** Who is in the room and where each hangs in the tree, now. */
  public RoomSnapshot snapshot() {
    OverlayTree tree = placement.tree();
    List<RoomSnapshot.UserView> users = new ArrayList<>();
    for (Session s : sessions.all()) {
      String parent = tree.parent(s.id());
      Session parentSession = sessions.byId(parent);
      users.add(new RoomSnapshot.UserView(s.id(), s.nick(), parentSession == null ? null : parentSession.nick(),
          tree.depth(s.id()), s.rttMicros() == Long.MAX_VALUE ? -1 : s.rttMicros(), tree.childrenOf(s.id())));
    }
    users.sort(Comparator.comparing(u -> NicknameRules.key(u.nick())));
    return new RoomSnapshot(lastSeq, routes.carryingLinks().size(), tree.maxDepth(), users);
  }

  /** A new link is open. */
  public void opened(Link link) {
    links.add(link);
  }

  /**
   * The first frame of a link: a new user, or an earlier session coming back. Refusals are sent
   * as errors; a fatal one closes the link.
   */
  public void hello(Link link, Hello hello) {
    if (hello.v() != ProtocolLimits.VERSION) {
      closeWith(link.channel(), ErrorFrame.fatal(ErrorCode.UNSUPPORTED_VERSION,
          "this coordinator speaks protocol version " + ProtocolLimits.VERSION + ", not " + hello.v()));
      return;
    }
    boolean relayed = hello.secret() != null;
    if (relayed && !relaySecretMatches(hello.secret())) {
      log.warn("Refused a relay from {}: wrong secret", link.channel().remoteAddress());
      closeWith(link.channel(), ErrorFrame.fatal(ErrorCode.RELAY_REFUSED, "this coordinator does not trust that relay"));
      return;
    }
    if (hello.resume() != null && resume(link, hello)) {
      return;
    }
    Optional<Violation> refused = relayed ? NicknameRules.checkRelayed(hello.nick()) : NicknameRules.check(hello.nick());
    if (refused.isPresent()) {
      routes.send(link, refused.get().toFrame(null, null));
      return;
    }
    join(link, hello, relayed);
  }

  private void join(Link link, Hello hello, boolean relayed) {
    String id = sessions.nextId();
    FrameSeal seal;
    try {
      seal = agree(hello, id);
    } catch (CryptoFailure e) {
      refuseKeys(link, e);
      return;
    }
    String nick = sessions.freeVariantOf(hello.nick());
    // Only sealed sessions go through proxies, or carry others: a proxy must not read what it relays.
    boolean acceptsChildren = !relayed && hello.acceptsChildren() && seal != null;
    Session session = new Session(id, nick, newToken(), acceptsChildren, relayed, settings.flood(),
        System.nanoTime());
    session.seal(seal);
    session.whisperKey(hello.wkey());
    session.peer(hostOf(link), hello.peerPort(), hello.peerCert());
    sessions.add(session);
    link.owner(session);
    session.bootstrap(link);
    routes.route(session, link);
    placement.tree().add(session.id(), acceptsChildren);
    stats.clients(sessions.size());

    routes.send(link, welcome(session, false));
    sendUsers(session);
    history.newest(settings.historyOnJoin(), HISTORY_ON_JOIN_BYTES)
        .forEach(event -> routes.send(session, event.addressedTo(session.id())));
    announceJoin(session);
    log.info("{} joined from {} as {}", nick, link.channel().remoteAddress(), session.id());

    knownNickKeys.add(session.key());
    store.rememberNick(session.key(), nick, clock.millis());
    deliverKeptWhispers(session);
    placement.offer(session);
  }

  /**
   * The seal for session {@code sid}, or null when the hello offered no key exchange.
   *
   * @throws CryptoFailure when the hello's keys are not usable
   */
  private FrameSeal agree(Hello hello, String sid) throws CryptoFailure {
    if (hello.wkey() != null) {
      PublicKeys.decode(hello.wkey(), "X25519");
    }
    return hello.kx() == null ? null : keys.exchange().sealFor(sid, hello.kx());
  }

  private void refuseKeys(Link link, CryptoFailure failure) {
    routes.send(link, new ErrorFrame(null, ErrorCode.BAD_FRAME, "the hello's keys are not usable: "
        + failure.getMessage(), null, false));
  }

  /** Who this coordinator is: its answer to {@code identify}, before a hello. */
  public Identity identity() {
    return identity;
  }

  /** The welcome for {@code session}; with the coordinator's keys when the session is sealed. */
  private Welcome welcome(Session session, boolean resumed) {
    if (session.seal() == null) {
      return new Welcome(ProtocolLimits.VERSION, session.id(), session.nick(), lastSeq, session.token(), resumed);
    }
    return new Welcome(ProtocolLimits.VERSION, session.id(), session.nick(), lastSeq, session.token(), resumed,
        identity.key(), identity.kx(), identity.kxSig(), identity.e2e());
  }

  /** Takes back a lost session; false when there is none to take (then the hello is a new join). */
  private boolean resume(Link link, Hello hello) {
    Resume resume = hello.resume();
    Session session = sessions.byId(resume.sid());
    if (session == null || !MessageDigest.isEqual(session.token().getBytes(StandardCharsets.UTF_8),
        resume.token().getBytes(StandardCharsets.UTF_8))) {
      return false;
    }
    FrameSeal seal;
    try {
      seal = agree(hello, session.id());
    } catch (CryptoFailure e) {
      refuseKeys(link, e);
      return true;
    }
    link.owner(session);
    session.bootstrap(link);
    session.seal(seal);
    session.whisperKey(hello.wkey());
    roster.rekeyed(session.nick(), hello.wkey());
    session.peer(hostOf(link), hello.peerPort(), hello.peerCert());
    placement.resumed(session);
    long now = System.nanoTime();
    for (String sid : placement.tree().subtree(session.id())) {
      Session moved = sessions.byId(sid);
      routes.route(moved, link);
      moved.moved(now);
      moved.graceTimer(null);
    }
    routes.send(link, welcome(session, true));
    sendUsers(session);
    session.whispersAfter(resume.lastWhisper()).forEach(w -> routes.send(session, w));
    placement.tellBranchMoved(session, lastSeq);
    log.info("{} resumed from {}", session.nick(), link.channel().remoteAddress());
    placement.offer(session);
    return true;
  }

  /** A frame on a link whose hello is done. */
  public void receive(Link link, Frame frame) {
    switch (frame) {
      case Attach attach -> placement.attach(link, attach, lastSeq).forEach(s -> s.graceTimer(null));
      case Detached detached -> detachedBelow(link, detached);
      case Sealed sealed -> {
        Session session = speaker(link, sealed);
        Frame inner = session == null ? null : open(link, session, sealed);
        if (inner != null) {
          act(link, session, inner);
        }
      }
      default -> {
        Session session = speaker(link, frame);
        if (session != null && session.seal() != null) {
          log.warn("Dropped an unsealed {} for sealed session {} from {}: made up on the way",
              frame.getClass().getSimpleName(), session.id(), link.channel().remoteAddress());
        } else if (session != null) {
          act(link, session, frame);
        }
      }
    }
  }

  /**
   * The frame inside {@code sealed}, or null when it does not open: altered, replayed, or sealed with
   * a key the session no longer has (sent just before it resumed). Not answered: the only one who
   * could read an answer is whoever made it up.
   */
  private Frame open(Link link, Session session, Sealed sealed) {
    if (session.seal() == null) {
      log.warn("Dropped a sealed frame for {}, which seals nothing, from {}", session.id(), link.channel().remoteAddress());
      return null;
    }
    try {
      return session.seal().open(sealed);
    } catch (CryptoFailure e) {
      log.warn("Dropped a sealed frame for {} from {}: {}", session.nick(), link.channel().remoteAddress(), e.getMessage());
      return null;
    }
  }

  private void act(Link link, Session session, Frame frame) {
    switch (frame) {
      case Say say -> say(session, say);
      case Whisper whisper -> whisper(session, whisper);
      case Replay replay -> replay(session, replay.after());
      case Ping ping -> {
        if (ping.rtt() != null && ping.rtt() >= 0) {
          session.rttMicros(ping.rtt());
        }
        routes.send(session, new Pong(session.id(), ping.t(), lastSeq));
      }
      case Report report -> placement.reported(session, report);
      case Bye bye -> leave(session, bye.reason());
      case Rtts rtts -> placement.measured(session, rtts);
      case Stay stay -> placement.stay(session);
      default -> routes.send(link, new ErrorFrame(session.id(), ErrorCode.UNEXPECTED_FRAME,
          "a client does not send '" + frame.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
              + "' frames here", null, false));
    }
  }

  /** The session a frame speaks for, when this link may speak for it; else null (and an error is sent). */
  private Session speaker(Link link, Frame frame) {
    Session owner = link.owner();
    String sid = frame.sid() != null ? frame.sid() : owner == null ? null : owner.id();
    Session session = sessions.byId(sid);
    if (session != null && (session.route() == link || session.bootstrap() == link || carriedByOwner(link, session))) {
      return session;
    }
    log.warn("A frame from {} claimed session {}, which this link does not carry",
        link.channel().remoteAddress(), sid);
    String ownerSid = owner == null || !owner.present() ? null : owner.id();
    if (sid != null && !sid.equals(ownerSid) && owner != null && owner.acceptsChildren()) {
      // From below the link's owner: a proxy there still routes that session, which is now reached
      // another way or gone. The refusal goes to that session, fatal: the proxies route it down, and
      // the stray's own link closes, so it resumes (or joins anew) instead of speaking into the void.
      routes.send(link, new ErrorFrame(sid, ErrorCode.FOREIGN_SESSION,
          "you are not reachable through this proxy any more; reconnect", null, true));
    } else {
      routes.send(link, new ErrorFrame(ownerSid, ErrorCode.FOREIGN_SESSION,
          "session " + sid + " is not reachable through this link", null, false));
    }
    return null;
  }

  /**
   * True when {@code link} is its owner's own link and the tree places {@code session} below that
   * owner: while a proxy moves, its children's frames may still come up its old link.
   */
  private boolean carriedByOwner(Link link, Session session) {
    Session owner = link.owner();
    if (owner == null || !owner.present() || owner.bootstrap() != link) {
      return false;
    }
    OverlayTree tree = placement.tree();
    for (String sid = tree.parent(session.id()); sid != null; sid = tree.parent(sid)) {
      if (sid.equals(owner.id())) {
        return true;
      }
    }
    return false;
  }

  /** A proxy below {@code link} lost its child link to the session and everything below it. */
  private void detachedBelow(Link link, Detached detached) {
    Session session = sessions.byId(detached.sid());
    if (session == null || session.route() != link || session == link.owner()) {
      return; // already moved or gone, or not this link's to report
    }
    placement.tree().subtree(session.id()).forEach(sid -> lose(sessions.byId(sid)));
    placement.tree().unplace(session.id());
  }

  /** The link is gone: everyone reached through it is lost until they resume. */
  public void linkClosed(Link link) {
    links.remove(link);
    Session owner = link.owner();
    if (owner != null && owner.bootstrap() == link) {
      owner.bootstrap(null);
    }
    List<Session> lost = List.copyOf(link.routed());
    List<Session> topLevel = lost.stream().filter(s -> placement.tree().depth(s.id()) == 1).toList();
    lost.forEach(this::lose);
    topLevel.forEach(s -> placement.tree().unplace(s.id()));
  }

  /** Nothing arrived on the link for the heartbeat timeout: close it, and say why when its owner is announced gone. */
  public void linkTimedOut(Link link) {
    Session owner = link.owner();
    if (owner != null) {
      owner.lostReason("timed out");
    }
    closeWith(link.channel(), ErrorFrame.fatal(ErrorCode.TIMEOUT, "nothing heard from you for too long"));
  }

  /** The link sent something it must not; the error is fatal: its owner leaves with the error's message. */
  public void refuseLink(Link link, ErrorFrame fatal) {
    Session owner = link.owner();
    if (owner != null && owner.present() && (owner.route() == link || owner.bootstrap() == link)) {
      refuse(owner, fatal);
    } else {
      closeWith(link.channel(), fatal);
    }
  }

  /** Unreachable for now: kept for the grace period, then announced gone. */
  private void lose(Session session) {
    if (session == null || !session.present()) {
      return;
    }
    routes.route(session, null);
    session.graceTimer(loop.schedule(() -> {
      if (session.present() && session.route() == null) {
        leave(session, session.lostReason());
      }
    }, settings.overlay().grace().toMillis(), TimeUnit.MILLISECONDS));
  }

  /** The user is gone ({@code reason} says why, for everyone to read). Safe to call twice. */
  public void leave(Session session, String reason) {
    if (!session.present()) {
      return;
    }
    // Counted with the one who leaves, as a join is counted with the newcomer.
    boolean batched = sessions.size() >= settings.presenceBatchFrom();
    Bye bye = new Bye(session.id(), reason);
    Link own = session.bootstrap();
    if (session.route() != null && session.route() != own) {
      routes.send(session, bye);
    }
    session.markGone();
    sessions.remove(session);
    stats.clients(sessions.size());
    List<String> below = placement.tree().subtree(session.id());
    below.stream().skip(1).map(sessions::byId).forEach(this::lose);
    routes.route(session, null);
    placement.removed(session);
    announceLeave(session, shortReason(reason), batched);
    log.info("{} left: {}", session.nick(), reason);
    if (own != null && own.owner() == session) {
      closeWith(own.channel(), RouteTable.sealedFor(session, bye));
    }
  }

  /** Refuses a frame with an error; a fatal one also ends the session. */
  public void refuse(Session session, ErrorFrame error) {
    routes.send(session, error);
    if (error.fatal()) {
      leave(session, error.message());
    }
  }

  /** Tells everyone the coordinator is going away and closes every link, without leave events. */
  public void shutdown(String reason) {
    flushPresence(); // so that the store's history has every join
    signer.close();
    // To each session, sealed when it seals: a goodbye to everyone that a proxy can't fake.
    for (Session session : List.copyOf(sessions.all())) {
      routes.send(session, new Bye(null, reason));
    }
    for (Session session : List.copyOf(sessions.all())) {
      session.markGone();
    }
    for (Link link : List.copyOf(links)) {
      link.channel().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
    stats.clients(0);
  }

  /** A public message, or a text command when the text starts with {@code /}. */
  void say(Session session, Say say) {
    if (TextCommand.isCommand(say.text())) {
      run(session, say.id(), TextCommand.parse(say.text()));
      return;
    }
    Long earlier = session.recentIds().seqOf(say.id());
    if (earlier != null) {
      routes.send(session, new Ack(session.id(), say.id(), Ack.Status.DUPLICATE, earlier));
      return;
    }
    String text = say.text().startsWith("//") ? say.text().substring(1) : say.text();
    if (!admit(session, say.id(), text)) {
      return;
    }
    Message message = new Message(nextSeq(), clock.millis(), session.nick(), say.id(), text);
    session.recentIds().record(say.id(), message.seq());
    stats.message();
    publish(message).thenRunAsync(() -> routes.send(session,
        new Ack(session.id(), say.id(), Ack.Status.POSTED, message.seq())), loop);
  }

  /**
   * A whisper: delivered to its recipient only, or kept until they are back. With end-to-end
   * whispers ({@code --private-e2e}) it comes as a box the coordinator can't open: it passes it on
   * with the sender's key, and logs who, to whom and when, never the words.
   */
  void whisper(Session session, Whisper whisper) {
    if (session.recentIds().seqOf(whisper.id()) != null) {
      routes.send(session, new Ack(session.id(), whisper.id(), Ack.Status.DUPLICATE, 0));
      return;
    }
    if (keys.endToEnd() != (whisper.box() != null)) {
      routes.send(session, new ErrorFrame(session.id(), keys.endToEnd() ? ErrorCode.E2E_REQUIRED : ErrorCode.BAD_FRAME,
          keys.endToEnd() ? "whispers here are end-to-end encrypted: send a box for the recipient's key"
              : "whispers here are not end-to-end encrypted: send the text", whisper.id(), false));
      return;
    }
    if (!admit(session, whisper.id(), whisper.text())) {
      return;
    }
    long ts = clock.millis();
    String toKey = NicknameRules.key(whisper.to());
    String logged = whisper.text() != null ? whisper.text() : ChatStore.END_TO_END_LOGGED;
    Session recipient = sessions.byNick(whisper.to());
    if (recipient != null) {
      session.recentIds().record(whisper.id(), 0);
      stats.whisper();
      PrivateMessage delivered = new PrivateMessage(recipient.id(), ts, session.nick(), recipient.nick(),
          whisper.text(), false, recipient.nextWhisperNumber(), whisper.box(), senderKey(session, whisper));
      recipient.keepWhisper(delivered);
      routes.send(recipient, delivered);
      store.logWhisper(ts, session.nick(), recipient.nick(), logged);
      observer.whisper(ts, session.nick(), recipient.nick(), logged);
      routes.send(session, new Ack(session.id(), whisper.id(), Ack.Status.DELIVERED, 0));
    } else if (knownNickKeys.contains(toKey)) {
      session.recentIds().record(whisper.id(), 0);
      stats.whisper();
      observer.whisper(ts, session.nick(), whisper.to(), logged);
      store.queueWhisper(toKey, new PendingWhisper(0, ts, session.nick(), whisper.to(), whisper.text(), whisper.box(),
              senderKey(session, whisper)))
          .whenCompleteAsync((ok, failure) -> routes.send(session, failure == null
              ? new Ack(session.id(), whisper.id(), Ack.Status.QUEUED, 0)
              : new ErrorFrame(session.id(), ErrorCode.INTERNAL,
                  "the whisper could not be kept; try again", whisper.id(), false)), loop);
    } else {
      routes.send(session, new ErrorFrame(session.id(), ErrorCode.UNKNOWN_USER,
          "nobody called " + whisper.to() + " has ever been here", whisper.id(), false));
    }
  }

  /** The key a boxed whisper was sealed with, for its recipient to open it; null for plain whispers. */
  private static String senderKey(Session sender, Whisper whisper) {
    return whisper.box() == null ? null : sender.whisperKey();
  }

  /** Sends every room event after {@code after}, up to {@link #MAX_REPLAY} of them, to one session. */
  void replay(Session session, long after) {
    if (history.coversAfter(after)) {
      history.after(after).stream().limit(MAX_REPLAY).forEach(event -> routes.send(session, event.addressedTo(session.id())));
      return;
    }
    long oldestHeld = history.oldestSeq(lastSeq + 1);
    store.events(after, oldestHeld - 1, MAX_REPLAY).whenCompleteAsync((stored, failure) -> {
      if (failure != null) {
        routes.send(session, new ErrorFrame(session.id(), ErrorCode.INTERNAL, "history is unavailable; try again", null, false));
        return;
      }
      stored.forEach(event -> routes.send(session, event.addressedTo(session.id())));
      history.after(oldestHeld - 1).stream().limit(MAX_REPLAY - stored.size())
          .forEach(event -> routes.send(session, event.addressedTo(session.id())));
    }, loop);
  }

  private void run(Session session, String id, TextCommand command) {
    switch (command) {
      case TextCommand.Help help -> done(session, id, TextCommand.HELP);
      case TextCommand.Online online -> {
        List<String> nicks = sessions.nicksSorted();
        List<List<String>> pieces = ListChunks.of(nicks);
        for (int i = 0; i < pieces.size(); i++) {
          String names = String.join(", ", pieces.get(i));
          routes.send(session, new Notice(session.id(), i == 0 ? "Online (" + nicks.size() + "): " + names : names));
        }
        routes.send(session, new Ack(session.id(), id, Ack.Status.DONE, 0));
      }
      case TextCommand.Route route -> done(session, id, routeOf(session));
      case TextCommand.Msg msg when keys.endToEnd() -> routes.send(session, new ErrorFrame(session.id(),
          ErrorCode.E2E_REQUIRED, "whispers here are end-to-end encrypted: your app sends them that way", id, false));
      case TextCommand.Msg msg -> whisper(session, new Whisper(session.id(), id, msg.to(), msg.text()));
      case TextCommand.Quit quit -> {
        routes.send(session, new Ack(session.id(), id, Ack.Status.DONE, 0));
        leave(session, quit.reason());
      }
      case TextCommand.Misused misused ->
          routes.send(session, new ErrorFrame(session.id(), ErrorCode.BAD_COMMAND, misused.usage(), id, false));
      case TextCommand.Unknown unknown -> routes.send(session, new ErrorFrame(session.id(), ErrorCode.UNKNOWN_COMMAND,
          "there is no command /" + unknown.name() + "; /help lists them", id, false));
    }
  }

  /** "alice → bob → coordinator (depth 2)": the chain of proxies from the session up. */
  private String routeOf(Session session) {
    StringBuilder path = new StringBuilder(session.nick());
    OverlayTree tree = placement.tree();
    for (String parent = tree.parent(session.id()); parent != null; parent = tree.parent(parent)) {
      path.append(" → ").append(sessions.byId(parent).nick());
    }
    int depth = tree.depth(session.id());
    return path.append(" → coordinator").append(depth <= 1 ? " (direct)" : " (depth " + depth + ")").toString();
  }

  /**
   * The user list as of now, in as many frames as the line limit needs: everyone the room's events
   * have announced, so that the events this session sees next (pending presence among them) keep it
   * exact.
   */
  private void sendUsers(Session session) {
    if (session.seal() != null) {
      roster.frames(session.id(), lastSeq).forEach(frame -> routes.send(session, frame));
      return;
    }
    for (int i = 0; i < roster.frameCount(); i++) {
      routes.sendLine(session, roster.plainLine(session.id(), lastSeq, i));
    }
  }

  private void done(Session session, String id, String output) {
    routes.send(session, new Notice(session.id(), output));
    routes.send(session, new Ack(session.id(), id, Ack.Status.DONE, 0));
  }

  /** Flood control and text rules; false (with the error sent) when the frame must be dropped. */
  private boolean admit(Session session, String id, String text) {
    long now = System.nanoTime();
    switch (session.flood().attempt(now)) {
      case ALLOW -> { }
      case MUTE -> {
        long seconds = settings.flood().muteFor().toSeconds();
        log.info("{} muted for {} s: flooding", session.nick(), seconds);
        routes.send(session, new ErrorFrame(session.id(), ErrorCode.MUTED, "You are sending too fast and are muted for "
            + seconds + " s; nothing you send meanwhile is posted.", id, false));
        return false;
      }
      case MUTED -> {
        routes.send(session, new ErrorFrame(session.id(), ErrorCode.MUTED, "You are muted for "
            + session.flood().secondsMuted(now) + " more s; this was not posted. Keep going and you are disconnected.",
            id, false));
        return false;
      }
      case KICK -> {
        log.warn("{} disconnected for flooding", session.nick());
        refuse(session, new ErrorFrame(session.id(), ErrorCode.FLOODING, "disconnected for flooding", id, true));
        return false;
      }
    }
    if (text == null) {
      return true; // an end-to-end box: its words are checked by the app that typed them
    }
    Optional<Violation> bad = TextRules.check(text);
    bad.ifPresent(violation -> routes.send(session, violation.toFrame(session.id(), id)));
    return bad.isEmpty();
  }

  /**
   * Announces the newcomer: at once in a small room; in a big one with others, in the next
   * {@code presence} event.
   */
  private void announceJoin(Session session) {
    String wkey = keys.endToEnd() ? session.whisperKey() : null;
    if (sessions.size() < settings.presenceBatchFrom()) {
      publish(new Join(null, nextSeq(), clock.millis(), session.nick(), wkey));
    } else {
      queuePresence(session.key(), new Presence.Joined(session.nick(), wkey));
    }
  }

  /**
   * Announces that the user left, like {@link #announceJoin}; nobody is told when their join was not
   * announced yet either.
   *
   * @param batched true when the room, counting this user, was big enough to batch presence
   */
  private void announceLeave(Session session, String reason, boolean batched) {
    if (pendingPresence.cancelJoin(session.key())) {
      return;
    }
    if (batched) {
      queuePresence(session.key(), new Presence.Left(session.nick(), reason));
    } else {
      publish(new Leave(nextSeq(), clock.millis(), session.nick(), reason));
    }
  }

  private void queuePresence(String nickKey, Presence.Change change) {
    if (!pendingPresence.fits(change)) {
      flushPresence();
    }
    pendingPresence.add(nickKey, change);
    if (presenceFlush == null) {
      presenceFlush = loop.schedule(this::flushPresence, PRESENCE_WINDOW_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Publishes the pending joins and leaves, if any, as one event. */
  private void flushPresence() {
    if (presenceFlush != null) {
      presenceFlush.cancel(false);
      presenceFlush = null;
    }
    if (!pendingPresence.isEmpty()) {
      publish(pendingPresence.take(++lastSeq, clock.millis()));
    }
  }

  /**
   * The number of the next room event. Pending presence is published first, so that events keep
   * their order: nobody's message comes before their join.
   */
  private long nextSeq() {
    flushPresence();
    return ++lastSeq;
  }

  /** Keeps, fans out and stores an event numbered by the caller; completes when it is committed. */
  private CompletableFuture<Void> publish(RoomEvent event) {
    history.add(event);
    roster.apply(event);
    // Chained only when someone verifies: a room of hand-typed clients needs no chain. The chain
    // stays whole anyway, since each chained event names the hash before it.
    if (routes.broadcast(event, () -> chain.append(event))) {
      signer.advanced(chain.headSeq(), chain.head());
    }
    observer.roomEvent(event);
    return store.append(event);
  }

  private void deliverKeptWhispers(Session session) {
    store.pendingWhispers(session.key()).thenAcceptAsync(kept -> {
      if (kept.isEmpty() || !session.present()) {
        return;
      }
      for (PendingWhisper w : kept) {
        routes.send(session, new PrivateMessage(session.id(), w.ts(), w.from(), session.nick(), w.text(), true, 0,
            w.box(), w.fromKey()));
      }
      routes.send(session, new Notice(session.id(),
          kept.size() + (kept.size() == 1 ? " whisper was" : " whispers were") + " kept for you while you were away."));
      store.forgetWhispers(kept.stream().map(PendingWhisper::id).toList());
    }, loop);
  }

  private boolean relaySecretMatches(String secret) {
    String expected = settings.relaySecret();
    return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        secret.getBytes(StandardCharsets.UTF_8));
  }

  private String newToken() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hostOf(Link link) {
    return ((InetSocketAddress) link.channel().remoteAddress()).getAddress().getHostAddress();
  }

  private static String shortReason(String reason) {
    String oneLine = reason.codePoints().filter(c -> !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    if (oneLine.isEmpty()) {
      return "quit";
    }
    return oneLine.codePointCount(0, oneLine.length()) > MAX_REASON_CODE_POINTS
        ? oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_REASON_CODE_POINTS)) : oneLine;
  }

  private static void closeWith(Channel channel, Frame last) {
    channel.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
  }
}

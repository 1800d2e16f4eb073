package org.prochat.server.room;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Bye;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.NicknameRules;
import org.prochat.protocol.Notice;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Say;
import org.prochat.protocol.TextRules;
import org.prochat.protocol.Users;
import org.prochat.protocol.Violation;
import org.prochat.protocol.Welcome;
import org.prochat.protocol.Whisper;
import org.prochat.server.CoordinatorSettings;
import org.prochat.server.stats.ServerStats;
import org.prochat.server.store.ChatStore;
import org.prochat.server.store.PendingWhisper;
import org.prochat.wire.WirePipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room: numbers every event, fans it out, keeps whispers private, runs text commands and
 * enforces flood control.
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
  private static final Logger log = LoggerFactory.getLogger(Room.class);

  private final CoordinatorSettings settings;
  private final ChatStore store;
  private final ServerStats stats;
  private final EventLoop loop;
  private final Clock clock;
  private final HistoryRing history;
  private final FlushCoalescer flusher;
  private final Map<String, Session> sessionsById = new HashMap<>();
  private final Map<String, Session> sessionsByKey = new HashMap<>();
  private final Set<String> knownNickKeys;
  private long lastSeq;
  private long sessionCounter;

  /**
   * @param lastSeq the newest stored event number; numbering continues after it
   * @param newestStored the newest stored events, to serve history right after a restart
   * @param knownNickKeys keys of every nickname ever seen, so whispers to them can wait
   */
  public Room(CoordinatorSettings settings, ChatStore store, ServerStats stats, EventLoop loop,
      Clock clock, long lastSeq, List<RoomEvent> newestStored, Set<String> knownNickKeys) {
    this.settings = settings;
    this.store = store;
    this.stats = stats;
    this.loop = loop;
    this.clock = clock;
    this.lastSeq = lastSeq;
    this.history = new HistoryRing(RING_CAPACITY, newestStored);
    this.flusher = new FlushCoalescer(loop);
    this.knownNickKeys = new HashSet<>(knownNickKeys);
  }

  /** The event loop every call must come from. */
  public EventLoop loop() {
    return loop;
  }

  /** How many users are in the room. */
  public int size() {
    return sessionsById.size();
  }

  /**
   * Admits a user: assigns a free variant of the asked nickname, sends welcome, user list and
   * recent history, announces the join and delivers whispers kept for them.
   *
   * @return the new session, or empty when refused (the error has been sent; a fatal one closes the link)
   */
  public Optional<Session> join(Channel channel, Hello hello) {
    if (hello.v() != ProtocolLimits.VERSION) {
      closeWith(channel, ErrorFrame.fatal(ErrorCode.UNSUPPORTED_VERSION,
          "this coordinator speaks protocol version " + ProtocolLimits.VERSION + ", not " + hello.v()));
      return Optional.empty();
    }
    Optional<Violation> refused = NicknameRules.check(hello.nick());
    if (refused.isPresent()) {
      send(channel, refused.get().toFrame(null, null));
      return Optional.empty();
    }
    String nick = freeVariantOf(hello.nick());
    Session session = new Session("s" + (++sessionCounter), nick, channel, settings.flood(), System.nanoTime());
    sessionsById.put(session.id(), session);
    sessionsByKey.put(session.key(), session);
    stats.clients(sessionsById.size());

    send(channel, new Welcome(ProtocolLimits.VERSION, session.id(), nick, lastSeq));
    if (!nick.equals(hello.nick())) {
      send(channel, new Notice(session.id(), hello.nick() + " is taken; you are " + nick + "."));
    }
    send(channel, new Users(session.id(), lastSeq, nicksSorted(session)));
    history.newest(settings.historyOnJoin()).forEach(event -> send(channel, event));
    publish(new Join(++lastSeq, clock.millis(), nick));
    log.info("{} joined from {} as {}", nick, channel.remoteAddress(), session.id());

    knownNickKeys.add(session.key());
    store.rememberNick(session.key(), nick, clock.millis());
    deliverKeptWhispers(session);
    return Optional.of(session);
  }

  /** A public message, or a text command when the text starts with {@code /}. */
  public void say(Session session, Say say) {
    if (TextCommand.isCommand(say.text())) {
      run(session, say.id(), TextCommand.parse(say.text()));
      return;
    }
    Long earlier = session.recentIds().seqOf(say.id());
    if (earlier != null) {
      send(session, new Ack(session.id(), say.id(), Ack.Status.DUPLICATE, earlier));
      return;
    }
    String text = say.text().startsWith("//") ? say.text().substring(1) : say.text();
    if (!admit(session, say.id(), text)) {
      return;
    }
    Message message = new Message(++lastSeq, clock.millis(), session.nick(), say.id(), text);
    session.recentIds().record(say.id(), message.seq());
    stats.message();
    publish(message).thenRunAsync(() -> send(session,
        new Ack(session.id(), say.id(), Ack.Status.POSTED, message.seq())), loop);
  }

  /** A whisper: delivered to its online recipient only, or kept until they are back. */
  public void whisper(Session session, Whisper whisper) {
    if (session.recentIds().seqOf(whisper.id()) != null) {
      send(session, new Ack(session.id(), whisper.id(), Ack.Status.DUPLICATE, 0));
      return;
    }
    if (!admit(session, whisper.id(), whisper.text())) {
      return;
    }
    long ts = clock.millis();
    String toKey = NicknameRules.key(whisper.to());
    Session recipient = sessionsByKey.get(toKey);
    if (recipient != null) {
      session.recentIds().record(whisper.id(), 0);
      stats.whisper();
      send(recipient, new PrivateMessage(recipient.id(), ts, session.nick(), recipient.nick(), whisper.text(), false));
      store.logWhisper(ts, session.nick(), recipient.nick(), whisper.text());
      send(session, new Ack(session.id(), whisper.id(), Ack.Status.DELIVERED, 0));
    } else if (knownNickKeys.contains(toKey)) {
      session.recentIds().record(whisper.id(), 0);
      stats.whisper();
      store.queueWhisper(toKey, new PendingWhisper(0, ts, session.nick(), whisper.to(), whisper.text()))
          .whenCompleteAsync((ok, failure) -> send(session, failure == null
              ? new Ack(session.id(), whisper.id(), Ack.Status.QUEUED, 0)
              : new ErrorFrame(session.id(), ErrorCode.INTERNAL,
                  "the whisper could not be kept; try again", whisper.id(), false)), loop);
    } else {
      send(session, new ErrorFrame(session.id(), ErrorCode.UNKNOWN_USER,
          "nobody called " + whisper.to() + " has ever been here", whisper.id(), false));
    }
  }

  /** Sends every room event after {@code after}, up to {@link #MAX_REPLAY} of them. */
  public void replay(Session session, long after) {
    if (history.coversAfter(after)) {
      history.after(after).stream().limit(MAX_REPLAY).forEach(event -> send(session, event));
      return;
    }
    long oldestHeld = history.oldestSeq(lastSeq + 1);
    store.events(after, oldestHeld - 1, MAX_REPLAY).whenCompleteAsync((stored, failure) -> {
      if (failure != null) {
        send(session, new ErrorFrame(session.id(), ErrorCode.INTERNAL, "history is unavailable; try again", null, false));
        return;
      }
      stored.forEach(event -> send(session, event));
      history.after(oldestHeld - 1).stream().limit(MAX_REPLAY - stored.size()).forEach(event -> send(session, event));
    }, loop);
  }

  /** The user is gone ({@code reason} says why, for everyone to read). Safe to call twice. */
  public void leave(Session session, String reason) {
    if (!session.present()) {
      return;
    }
    session.markGone();
    sessionsById.remove(session.id());
    sessionsByKey.remove(session.key());
    stats.clients(sessionsById.size());
    publish(new Leave(++lastSeq, clock.millis(), session.nick(), shortReason(reason)));
    log.info("{} left: {}", session.nick(), reason);
    Channel channel = session.channel();
    if (channel.isActive()) {
      channel.writeAndFlush(new Bye(session.id(), reason)).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** Refuses a frame with an error; a fatal one also ends the session. */
  public void refuse(Session session, ErrorFrame error) {
    if (error.fatal()) {
      session.channel().writeAndFlush(error);
      leave(session, error.message());
    } else {
      send(session, error);
    }
  }

  /** Tells everyone the coordinator is going away and closes every link, without leave events. */
  public void shutdown(String reason) {
    for (Session session : List.copyOf(sessionsById.values())) {
      session.markGone();
      session.channel().writeAndFlush(new Bye(session.id(), reason)).addListener(ChannelFutureListener.CLOSE);
    }
    sessionsById.clear();
    sessionsByKey.clear();
    stats.clients(0);
  }

  private void run(Session session, String id, TextCommand command) {
    switch (command) {
      case TextCommand.Help help -> done(session, id, TextCommand.HELP);
      case TextCommand.Online online -> {
        List<String> nicks = nicksSorted(null);
        done(session, id, "Online (" + nicks.size() + "): " + String.join(", ", nicks));
      }
      case TextCommand.Msg msg -> whisper(session, new Whisper(session.id(), id, msg.to(), msg.text()));
      case TextCommand.Quit quit -> {
        send(session, new Ack(session.id(), id, Ack.Status.DONE, 0));
        leave(session, quit.reason());
      }
      case TextCommand.Misused misused ->
          send(session, new ErrorFrame(session.id(), ErrorCode.BAD_COMMAND, misused.usage(), id, false));
      case TextCommand.Unknown unknown -> send(session, new ErrorFrame(session.id(), ErrorCode.UNKNOWN_COMMAND,
          "there is no command /" + unknown.name() + "; /help lists them", id, false));
    }
  }

  private void done(Session session, String id, String output) {
    send(session, new Notice(session.id(), output));
    send(session, new Ack(session.id(), id, Ack.Status.DONE, 0));
  }

  /** Flood control and text rules; false (with the error sent) when the frame must be dropped. */
  private boolean admit(Session session, String id, String text) {
    long now = System.nanoTime();
    switch (session.flood().attempt(now)) {
      case ALLOW -> { }
      case MUTE -> {
        long seconds = settings.flood().muteFor().toSeconds();
        log.info("{} muted for {} s: flooding", session.nick(), seconds);
        send(session, new ErrorFrame(session.id(), ErrorCode.MUTED, "You are sending too fast and are muted for "
            + seconds + " s; nothing you send meanwhile is posted.", id, false));
        return false;
      }
      case MUTED -> {
        send(session, new ErrorFrame(session.id(), ErrorCode.MUTED, "You are muted for "
            + session.flood().secondsMuted(now) + " more s; this was not posted. Keep going and you are disconnected.",
            id, false));
        return false;
      }
      case KICK -> {
        log.warn("{} disconnected for flooding", session.nick());
        refuse(session, new ErrorFrame(session.id(), ErrorCode.FLOODING,
            "disconnected for flooding", id, true));
        return false;
      }
    }
    Optional<Violation> bad = TextRules.check(text);
    bad.ifPresent(violation -> send(session, violation.toFrame(session.id(), id)));
    return bad.isEmpty();
  }

  /** Numbers are assigned by the caller; this keeps, stores and fans out the event. */
  private CompletableFuture<Void> publish(RoomEvent event) {
    history.add(event);
    if (!sessionsById.isEmpty()) {
      // Encoded once; every link writes a view of the same bytes.
      ByteBuf line = WirePipeline.encodeLine(ByteBufAllocator.DEFAULT, event);
      int size = line.readableBytes();
      for (Session session : sessionsById.values()) {
        session.channel().write(line.retainedDuplicate());
        flusher.markWritten(session.channel());
      }
      line.release();
      stats.broadcast((long) size * sessionsById.size());
    }
    return store.append(event);
  }

  private void deliverKeptWhispers(Session session) {
    store.pendingWhispers(session.key()).thenAcceptAsync(kept -> {
      if (kept.isEmpty() || !session.present()) {
        return;
      }
      for (PendingWhisper w : kept) {
        session.channel().write(new PrivateMessage(session.id(), w.ts(), w.from(), session.nick(), w.text(), true));
      }
      List<Long> ids = kept.stream().map(PendingWhisper::id).toList();
      session.channel().writeAndFlush(new Notice(session.id(),
          kept.size() + (kept.size() == 1 ? " whisper was" : " whispers were") + " kept for you while you were away."))
          .addListener(written -> {
            if (written.isSuccess()) {
              store.forgetWhispers(ids);
            }
          });
    }, loop);
  }

  private String freeVariantOf(String asked) {
    if (!sessionsByKey.containsKey(NicknameRules.key(asked))) {
      return asked;
    }
    int room = ProtocolLimits.MAX_NICK_CODE_POINTS - 3;
    String base = asked.codePointCount(0, asked.length()) > room
        ? asked.substring(0, asked.offsetByCodePoints(0, room)) : asked;
    while (true) {
      String candidate = base + ThreadLocalRandom.current().nextInt(100, 1000);
      if (!sessionsByKey.containsKey(NicknameRules.key(candidate))) {
        return candidate;
      }
    }
  }

  /** Everyone's nickname, sorted for people, leaving out {@code except} (may be null). */
  private List<String> nicksSorted(Session except) {
    List<String> nicks = new ArrayList<>();
    for (Session s : sessionsById.values()) {
      if (s != except) {
        nicks.add(s.nick());
      }
    }
    nicks.sort(Comparator.comparing(NicknameRules::key));
    return nicks;
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

  private void send(Session session, Frame frame) {
    if (session.present()) {
      send(session.channel(), frame);
    }
  }

  private void send(Channel channel, Frame frame) {
    channel.write(frame);
    flusher.markWritten(channel);
  }

  private static void closeWith(Channel channel, ErrorFrame error) {
    channel.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
  }
}

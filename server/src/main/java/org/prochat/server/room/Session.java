package org.prochat.server.room;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.prochat.crypto.FrameSeal;
import org.prochat.protocol.NicknameRules;
import org.prochat.protocol.PeerAddress;
import org.prochat.protocol.PrivateMessage;
import org.prochat.server.FloodLimits;

/**
 * One user in the room: their name, how to reach them, and their flood, resend and whisper state.
 * A session outlives its links: when its route breaks it waits (for a grace period) to be resumed.
 * Room loop only.
 */
public final class Session {
  /** Delivered whispers kept per session, to resend after a resume. */
  private static final int KEPT_WHISPERS = 256;

  private final String id;
  private final String nick;
  private final String key;
  private final String token;
  private final boolean acceptsChildren;
  private final boolean relayed;
  private final FloodGuard flood;
  private final RecentIds recentIds = new RecentIds();
  private final ArrayDeque<PrivateMessage> recentWhispers = new ArrayDeque<>();
  private String peerHost;
  private Integer peerPort;
  private String peerCert;
  private long rttMicros = Long.MAX_VALUE;
  private Link bootstrap;
  private Link route;
  private String pendingParent;
  private ScheduledFuture<?> graceTimer;
  private String lostReason = "connection lost";
  private long whispersDelivered;
  private int failedAttaches;
  private FrameSeal seal;
  private String whisperKey;
  private String lastParent;
  private long movedAt;
  private boolean everMoved;
  private final ProxyRecord record = new ProxyRecord();
  private boolean present = true;

  Session(String id, String nick, String token, boolean acceptsChildren, boolean relayed, FloodLimits limits,
      long nowNanos) {
    this.id = id;
    this.nick = nick;
    this.key = NicknameRules.key(nick);
    this.token = token;
    this.acceptsChildren = acceptsChildren;
    this.relayed = relayed;
    this.flood = new FloodGuard(limits, nowNanos);
  }

  public String id() {
    return id;
  }

  public String nick() {
    return nick;
  }

  /** The nickname's identity ({@link NicknameRules#key}), worked out once: it is used on every lookup. */
  String key() {
    return key;
  }

  String token() {
    return token;
  }

  boolean acceptsChildren() {
    return acceptsChildren;
  }

  /** True for a user who came through a trusted relay: reached only through it, never below a proxy. */
  boolean relayed() {
    return relayed;
  }

  FloodGuard flood() {
    return flood;
  }

  RecentIds recentIds() {
    return recentIds;
  }

  /** Where its peer node listens, or null when it takes no children. */
  /** The session's seal, or null for a client that seals nothing (typed by hand). */
  FrameSeal seal() {
    return seal;
  }

  /** Each hello agrees on a new key: what was sealed with the old one can't be opened any more. */
  void seal(FrameSeal newSeal) {
    this.seal = newSeal;
  }

  /** The user's whisper key, for end-to-end whispers; null when it offered none. */
  String whisperKey() {
    return whisperKey;
  }

  void whisperKey(String key) {
    this.whisperKey = key;
  }

  /** What those below this session reported about it as a proxy. */
  ProxyRecord record() {
    return record;
  }

  PeerAddress peerAddress() {
    return acceptsChildren && peerHost != null && peerPort != null
        ? new PeerAddress(id, nick, peerHost, peerPort, peerCert) : null;
  }

  /** @param cert the fingerprint of the peer port's certificate when it speaks TLS, else null */
  void peer(String host, Integer port, String cert) {
    this.peerHost = host;
    this.peerPort = port;
    this.peerCert = cert;
  }

  /** Latest round trip to the coordinator the client reported, {@link Long#MAX_VALUE} before any. */
  public long rttMicros() {
    return rttMicros;
  }

  void rttMicros(long micros) {
    this.rttMicros = micros;
  }

  /** The session's own direct link (its hello came on it), or null once it closed. */
  Link bootstrap() {
    return bootstrap;
  }

  void bootstrap(Link link) {
    this.bootstrap = link;
  }

  /** The coordinator's link through which the session is reached now, or null when it is lost. */
  Link route() {
    return route;
  }

  void route(Link link) {
    this.route = link;
  }

  /** Counts a failed attach and returns how many in a row so far. */
  int failedAttach() {
    return ++failedAttaches;
  }

  /** An attach succeeded: the count of failures starts over. */
  /** It attached below {@code parent}; remembered after it leaves, so it can still report that proxy. */
  void attached(String parent) {
    failedAttaches = 0;
    lastParent = parent;
  }

  /** It moved to another branch at {@code nowNanos}: it re-attached, or a session above it did. */
  void moved(long nowNanos) {
    movedAt = nowNanos;
    everMoved = true;
  }

  /** True when it moved less than {@code settling} before {@code nowNanos}. */
  boolean movedWithin(Duration settling, long nowNanos) {
    return everMoved && nowNanos - movedAt < settling.toNanos();
  }

  /** The proxy it attached below last, or null when it never did. */
  String lastParent() {
    return lastParent;
  }

  /** The proxy it was told to attach to and has not yet, or null. */
  String pendingParent() {
    return pendingParent;
  }

  void pendingParent(String parentSid) {
    this.pendingParent = parentSid;
  }

  void graceTimer(ScheduledFuture<?> timer) {
    if (graceTimer != null) {
      graceTimer.cancel(false);
    }
    this.graceTimer = timer;
  }

  String lostReason() {
    return lostReason;
  }

  void lostReason(String reason) {
    this.lostReason = reason;
  }

  /** Numbers a whisper for this recipient and keeps it for a possible resend. */
  long nextWhisperNumber() {
    return ++whispersDelivered;
  }

  void keepWhisper(PrivateMessage whisper) {
    if (recentWhispers.size() == KEPT_WHISPERS) {
      recentWhispers.removeFirst();
    }
    recentWhispers.addLast(whisper);
  }

  /** Kept whispers numbered above {@code n}, oldest first. */
  List<PrivateMessage> whispersAfter(long n) {
    return recentWhispers.stream().filter(w -> w.n() > n).toList();
  }

  /** False once the user has left; frames still in flight for them are then ignored. */
  public boolean present() {
    return present;
  }

  void markGone() {
    present = false;
    graceTimer(null);
  }
}

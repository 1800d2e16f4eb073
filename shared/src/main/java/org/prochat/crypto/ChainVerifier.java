package org.prochat.crypto;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prochat.protocol.Chained;
import org.prochat.protocol.Checkpoint;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.RoomEvent;

/**
 * A client's side of the room's hash chain ({@link EventChain}): holds {@link Chained} events until
 * a {@link Checkpoint} signed by the pinned identity vouches for them, then releases them. An event
 * the checkpoint's chain does not pass through is not shown: where the chain is known to have another
 * event with its number, it was forged; otherwise its chain could not be followed (something before
 * it went missing) and the coordinator's replay brings it. Not thread-safe.
 */
public final class ChainVerifier {
  /** Events held unverified at most: a proxy that floods made-up events can't fill the memory. */
  static final int MAX_HELD = 20_000;

  /** Null for {@link #withoutSignatureChecks}. */
  private final PublicKey identity;
  private final Map<String, Held> byHash = new HashMap<>();
  private final MessageDigest digest = Digests.newSha256();

  /** @param heldAt when it came ({@link System#nanoTime()}) */
  private record Held(RoomEvent event, String prev, long heldAt) {}

  /** What a checkpoint settled. */
  public record Verdict(List<RoomEvent> verified, int forged, boolean badSignature) {
    static final Verdict NOTHING = new Verdict(List.of(), 0, false);
  }

  /** Checks each checkpoint's signature with {@code identity}. */
  public ChainVerifier(PublicKey identity) {
    this.identity = Objects.requireNonNull(identity, "identity");
  }

  private ChainVerifier() {
    this.identity = null;
  }

  /**
   * Checks that events belong to the checkpoint's hash chain but not the checkpoint's signature: for
   * a load generator's simulated users only, where hundreds of signature checks per checkpoint in
   * one program would be what the benchmark measures.
   */
  public static ChainVerifier withoutSignatureChecks() {
    return new ChainVerifier();
  }

  /**
   * Holds a chained event until a checkpoint covers it.
   *
   * @return false when it can't be a chained room event (so it was made up on the way)
   */
  public boolean hold(Chained link) {
    RoomEvent event;
    byte[] prev;
    try {
      Frame frame = FrameCodec.instance().decode(link.body());
      if (!(frame instanceof RoomEvent roomEvent) || roomEvent.sid() != null) {
        return false;
      }
      event = roomEvent;
      prev = Base64.getDecoder().decode(link.prev());
    } catch (FrameDecodingException | IllegalArgumentException e) {
      return false;
    }
    if (prev.length != 32) {
      return false;
    }
    if (byHash.size() >= MAX_HELD) {
      byHash.clear();
      return false;
    }
    byHash.put(Base64.getEncoder().encodeToString(EventChain.link(digest, prev, link.body())),
        new Held(event, link.prev(), System.nanoTime()));
    return true;
  }

  /** How many events wait for a checkpoint. */
  public int held() {
    return byHash.size();
  }

  /**
   * True when events up to {@code seq} have come and wait for the checkpoint that follows them, and
   * none has waited {@code patienceNanos} or more by {@code nowNanos}: the room being at {@code seq}
   * then means nothing was missed, only not yet vouched for. Past that patience the checkpoint was
   * lost on the way, and what is held counts as missed.
   */
  public boolean awaitsCheckpointThrough(long seq, long nowNanos, long patienceNanos) {
    long newest = Long.MIN_VALUE;
    for (Held held : byHash.values()) {
      if (nowNanos - held.heldAt() >= patienceNanos) {
        return false;
      }
      newest = Math.max(newest, held.event().seq());
    }
    return newest >= seq;
  }

  /** True when {@code checkpoint} carries the coordinator's signature (always, without signature checks). */
  public boolean signed(Checkpoint checkpoint) {
    if (identity == null) {
      return true;
    }
    try {
      return Signatures.verifies(identity, EventChain.statement(checkpoint.seq(), checkpoint.hash()),
          Base64.getDecoder().decode(checkpoint.sig()));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /**
   * Releases, oldest first, the held events {@code checkpoint} vouches for, and drops every other
   * held event it covers. A checkpoint that covers nothing held is not even checked (a signature
   * check costs most of a millisecond).
   */
  public Verdict settle(Checkpoint checkpoint) {
    if (byHash.values().stream().noneMatch(held -> held.event().seq() <= checkpoint.seq())) {
      return Verdict.NOTHING;
    }
    if (!signed(checkpoint)) {
      return new Verdict(List.of(), 0, true);
    }
    // Walk back from the signed hash; each released event also tells the true hash before it.
    List<RoomEvent> verified = new ArrayList<>();
    Map<Long, String> trueHash = new HashMap<>();
    trueHash.put(checkpoint.seq(), checkpoint.hash());
    long expectedSeq = checkpoint.seq();
    for (Held held = byHash.get(checkpoint.hash()); held != null && held.event().seq() == expectedSeq;
        held = byHash.get(held.prev())) {
      verified.add(held.event());
      trueHash.put(expectedSeq - 1, held.prev());
      expectedSeq--;
    }
    // Whatever else the checkpoint covers is dropped; where its true hash is known, it was forged.
    int forged = 0;
    for (Iterator<Map.Entry<String, Held>> it = byHash.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Held> entry = it.next();
      long seq = entry.getValue().event().seq();
      if (seq <= checkpoint.seq()) {
        it.remove();
        String expected = trueHash.get(seq);
        if (expected != null && !expected.equals(entry.getKey())) {
          forged++;
        }
      }
    }
    verified.sort(Comparator.comparingLong(RoomEvent::seq));
    return new Verdict(verified, forged, false);
  }
}

package org.prochat.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.prochat.protocol.Chained;
import org.prochat.protocol.Checkpoint;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.RoomEvent;

/**
 * The coordinator's side of the room's hash chain. Each live event is sent as {@link Chained}: its
 * JSON and the chain's hash before it; the hash after it is SHA-256(prev ‖ SHA-256(JSON)). One
 * {@link Checkpoint} signature on the newest hash then vouches for every event before it, so the
 * coordinator signs once per batch instead of once per event (an Ed25519 signature costs most of a
 * millisecond; a hash, a microsecond). Room loop only.
 */
public final class EventChain {
  private final MessageDigest digest = Digests.newSha256();
  private byte[] head = new byte[32];
  private long headSeq = -1;

  /** {@code event} as the next link of the chain. */
  public Chained append(RoomEvent event) {
    String body = FrameCodec.instance().encodeToString(event);
    Chained link = new Chained(Base64.getEncoder().encodeToString(head), body);
    head = link(digest, head, body);
    headSeq = event.seq();
    return link;
  }

  /** The newest event's number, or -1 before the first. */
  public long headSeq() {
    return headSeq;
  }

  /** The chain's hash after {@link #headSeq()}. */
  public byte[] head() {
    return head.clone();
  }

  /** The checkpoint for {@code seq} and {@code hash}, signed by {@code identity}. Slow: not on a loop. */
  public static Checkpoint sign(IdentityKey identity, long seq, byte[] hash) {
    String encoded = Base64.getEncoder().encodeToString(hash);
    return new Checkpoint(seq, encoded, Base64.getEncoder().encodeToString(identity.sign(statement(seq, encoded))));
  }

  static byte[] link(MessageDigest digest, byte[] prev, String body) {
    byte[] bodyHash = digest.digest(body.getBytes(StandardCharsets.UTF_8));
    digest.update(prev);
    return digest.digest(bodyHash);
  }

  static byte[] statement(long seq, String hash) {
    return ("prochat checkpoint v1|" + seq + "|" + hash).getBytes(StandardCharsets.UTF_8);
  }
}

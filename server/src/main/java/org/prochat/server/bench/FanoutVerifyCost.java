package org.prochat.server.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.prochat.crypto.ChainVerifier;
import org.prochat.crypto.CryptoFailure;
import org.prochat.crypto.PublicKeys;
import org.prochat.protocol.Chained;
import org.prochat.protocol.Checkpoint;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.Welcome;

/**
 * What verifying the room's signed event chain would cost one real client at the rates a sealed run
 * delivered. The simulated users skip it to stay cheap; so after the run the generator times it on
 * frames one of them received ({@link FanoutWitness}): a checkpoint and the message event it signs.
 *
 * @param checkpointMicros median time to settle that checkpoint with {@link ChainVerifier} holding
 *     the event: the Ed25519 check, nearly all of it
 * @param hashMicros median time of one event's chain hash, SHA-256(prev ‖ SHA-256(body)), with
 *     {@code prev} decoded from base64
 * @param eventsPerSecond room events one user received per second in the run
 * @param checkpointsPerSecond checkpoints one user received per second in the run
 */
record FanoutVerifyCost(double checkpointMicros, double hashMicros, double eventsPerSecond,
    double checkpointsPerSecond) {
  /** Timings per figure; the median of them is kept. */
  static final int SAMPLES = 200;
  /** Runs before timing, so the JIT has compiled what is timed. */
  private static final int WARM_UP = 50;
  /** Hashes per timing: one takes about a microsecond, too little for the clock alone. */
  private static final int HASHES_PER_SAMPLE = 100;
  private static final String MESSAGE_MARK = "\"text\":\"fb ";
  /** Where the timed hashes go, so the JIT can't drop them as unused. */
  private static volatile byte hashSink;

  /**
   * What one delivered event costs to verify: its hash, and its share of a checkpoint's signature;
   * -1 when the run delivered nothing.
   */
  double perFrameMicros() {
    return eventsPerSecond <= 0 ? -1 : clientMicrosPerSecond() / eventsPerSecond;
  }

  /** The share of one core a real client would spend verifying at these rates (100 = a core). */
  double clientCpuPercent() {
    return clientMicrosPerSecond() / 1e6 * 100;
  }

  private double clientMicrosPerSecond() {
    return checkpointsPerSecond * checkpointMicros + eventsPerSecond * hashMicros;
  }

  /**
   * Times the checks on {@code witnessed} (a user's lines, its welcome first).
   *
   * @throws IllegalStateException when they hold no checkpoint signing a message they hold, or it
   *     does not verify
   */
  static FanoutVerifyCost measure(List<byte[]> witnessed, double eventsPerSecond, double checkpointsPerSecond) {
    PublicKey identity = null;
    List<Chained> events = new ArrayList<>();
    List<Checkpoint> signed = new ArrayList<>();
    for (byte[] line : witnessed) {
      switch (decode(line)) {
        case Welcome welcome -> identity = identityOf(welcome);
        case Chained event when event.body().contains(MESSAGE_MARK) -> events.add(event);
        case Checkpoint checkpoint -> signed.add(checkpoint);
        default -> { }
      }
    }
    if (identity == null) {
      throw new IllegalStateException("the witness kept no welcome");
    }
    for (Checkpoint checkpoint : signed) {
      for (Chained event : events) {
        if (Base64.getEncoder().encodeToString(chainHash(event)).equals(checkpoint.hash())) {
          return new FanoutVerifyCost(settleMicros(identity, event, checkpoint), hashMicros(event), eventsPerSecond,
              checkpointsPerSecond);
        }
      }
    }
    throw new IllegalStateException("of " + witnessed.size() + " lines kept, no checkpoint signs a message kept");
  }

  private static double settleMicros(PublicKey identity, Chained event, Checkpoint checkpoint) {
    long[] nanos = new long[SAMPLES];
    for (int i = 0; i < WARM_UP + SAMPLES; i++) {
      ChainVerifier verifier = new ChainVerifier(identity);
      verifier.hold(event);
      long start = System.nanoTime();
      ChainVerifier.Verdict verdict = verifier.settle(checkpoint);
      long took = System.nanoTime() - start;
      if (verdict.badSignature() || verdict.verified().size() != 1) {
        throw new IllegalStateException("the witnessed checkpoint for event " + checkpoint.seq() + " did not verify");
      }
      if (i >= WARM_UP) {
        nanos[i - WARM_UP] = took;
      }
    }
    return medianMicros(nanos, 1);
  }

  private static double hashMicros(Chained event) {
    long[] nanos = new long[SAMPLES];
    byte sink = 0;
    for (int i = 0; i < WARM_UP + SAMPLES; i++) {
      long start = System.nanoTime();
      for (int j = 0; j < HASHES_PER_SAMPLE; j++) {
        sink ^= chainHash(event)[0];
      }
      long took = System.nanoTime() - start;
      if (i >= WARM_UP) {
        nanos[i - WARM_UP] = took;
      }
    }
    hashSink = sink;
    return medianMicros(nanos, HASHES_PER_SAMPLE);
  }

  /**
   * The chain's hash after {@code event}, as a client computes it (EventChain.link, which the crypto
   * package keeps to itself). Matched against a real checkpoint's hash before it is timed, so it can't
   * drift from the real one unnoticed.
   */
  private static byte[] chainHash(Chained event) {
    byte[] prev = Base64.getDecoder().decode(event.prev());
    MessageDigest outer = sha256();
    outer.update(prev);
    outer.update(sha256().digest(event.body().getBytes(StandardCharsets.UTF_8)));
    return outer.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  private static double medianMicros(long[] nanos, int perSample) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1000.0 / perSample;
  }

  private static Frame decode(byte[] line) {
    try {
      return FrameCodec.instance().decode(line);
    } catch (FrameDecodingException e) {
      throw new IllegalStateException("the witness kept a line that is no frame", e);
    }
  }

  private static PublicKey identityOf(Welcome welcome) {
    if (welcome.key() == null) {
      throw new IllegalStateException("the welcome carries no identity key: the session is not sealed");
    }
    try {
      return PublicKeys.decode(welcome.key(), "Ed25519");
    } catch (CryptoFailure e) {
      throw new IllegalStateException("the welcome carries no usable identity key", e);
    }
  }
}

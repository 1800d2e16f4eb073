package org.prochat.crypto;

import java.util.Base64;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.Sealed;

/**
 * One session's frames sealed in {@link Sealed} envelopes and opened again, from one side of the
 * session: numbers what it seals, and opens each box number once ({@link ReplayWindow}), so a box
 * captured on the way and sent again is refused. Not thread-safe.
 */
public final class FrameSeal {
  private final SessionCipher cipher;
  private final SessionCipher.Direction out;
  private final SessionCipher.Direction in;
  private final ReplayWindow opened = new ReplayWindow();
  private long nextBox;

  private FrameSeal(SessionCipher cipher, SessionCipher.Direction out, SessionCipher.Direction in) {
    this.cipher = cipher;
    this.out = out;
    this.in = in;
  }

  /** The client's side: seals toward the coordinator, opens what comes from it. */
  public static FrameSeal clientSide(SessionCipher cipher) {
    return new FrameSeal(cipher, SessionCipher.Direction.TO_COORDINATOR, SessionCipher.Direction.TO_CLIENT);
  }

  /** The coordinator's side. */
  public static FrameSeal coordinatorSide(SessionCipher cipher) {
    return new FrameSeal(cipher, SessionCipher.Direction.TO_CLIENT, SessionCipher.Direction.TO_COORDINATOR);
  }

  /** {@code frame}, sealed for session {@code sid}. */
  public Sealed seal(String sid, Frame frame) {
    long n = nextBox++;
    byte[] box = cipher.seal(out, n, FrameCodec.instance().encode(frame));
    return new Sealed(sid, n, Base64.getEncoder().encodeToString(box));
  }

  /**
   * The frame inside {@code sealed}.
   *
   * @throws CryptoFailure when the box was altered, sealed with another key, or opened before
   */
  public Frame open(Sealed sealed) throws CryptoFailure {
    byte[] box;
    try {
      box = Base64.getDecoder().decode(sealed.box());
    } catch (IllegalArgumentException e) {
      throw new CryptoFailure("the sealed frame is not base64");
    }
    byte[] plain = cipher.open(in, sealed.n(), box);
    if (!opened.accept(sealed.n())) {
      throw new CryptoFailure("sealed frame " + sealed.n() + " came again: a replay");
    }
    try {
      Frame inner = FrameCodec.instance().decode(plain);
      if (inner.sid() != null && !inner.sid().equals(sealed.sid())) {
        throw new CryptoFailure("the sealed frame names session " + inner.sid() + " inside " + sealed.sid());
      }
      return inner;
    } catch (FrameDecodingException e) {
      throw new CryptoFailure("the sealed frame holds no valid frame: " + e.getMessage(), e);
    }
  }

  /** See {@link SessionCipher#prove}, as base64. */
  public String prove(String statement) {
    return Base64.getEncoder().encodeToString(cipher.prove(statement));
  }

  /** True when {@code proof} (base64) is this session's proof of {@code statement}. */
  public boolean proves(String statement, String proof) {
    try {
      return proof != null && cipher.proves(statement, Base64.getDecoder().decode(proof));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }
}

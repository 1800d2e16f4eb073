package org.prochat.server.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import org.prochat.crypto.CryptoFailure;
import org.prochat.crypto.FrameSeal;
import org.prochat.crypto.KeyExchange;
import org.prochat.crypto.PublicKeys;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.Hello;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Sealed;
import org.prochat.protocol.Welcome;

/**
 * A simulated user with a sealed session, as the desktop app has one: offers an X25519 key in its
 * hello (made with the user, before anything is measured), agrees on the session key from the
 * welcome, and seals everything it sends after it. Unlike the app it does not check the identity's
 * signature on the coordinator's exchange key: the benchmark trusts the coordinator it drives, and
 * a real client does that once per link, not per frame.
 */
final class FanoutSealedSession implements FanoutSession {
  private static final byte[] SEALED = "{\"type\":\"sealed\"".getBytes(StandardCharsets.US_ASCII);

  private final KeyPair offered = KeyExchange.newPair();
  private final String offeredKey = PublicKeys.encode(offered.getPublic());
  private String sid;
  private FrameSeal seal;

  @Override
  public ByteBuf hello(String nick) {
    return FanoutLines.encode(new Hello(ProtocolLimits.VERSION, nick, null, null, null, null, null, offeredKey, null));
  }

  @Override
  public void welcomed(byte[] line) {
    Welcome welcome = (Welcome) decode(line);
    if (welcome.kx() == null) {
      throw new IllegalStateException("the coordinator answered a key exchange with none: it does not seal");
    }
    try {
      seal = FrameSeal.clientSide(KeyExchange.agree(offered.getPrivate(), welcome.kx(), offeredKey, welcome.kx(),
          welcome.sid()));
    } catch (CryptoFailure e) {
      throw new IllegalStateException("the coordinator's exchange key is not usable", e);
    }
    sid = welcome.sid();
  }

  @Override
  public boolean ready() {
    return seal != null;
  }

  @Override
  public ByteBuf line(Frame frame) {
    return FanoutLines.encode(seal.seal(sid, frame));
  }

  /** Opens every sealed line: on a user's own link they are all its own (acks, pongs, user lists). */
  @Override
  public boolean acknowledges(byte[] bytes, int from, int to) {
    if (!FanoutLines.startsWith(bytes, from, to, SEALED)) {
      return false;
    }
    try {
      return seal.open((Sealed) decode(Arrays.copyOfRange(bytes, from, to))) instanceof Ack;
    } catch (CryptoFailure e) {
      throw new IllegalStateException("a sealed frame from the coordinator did not open", e);
    }
  }

  private static Frame decode(byte[] line) {
    try {
      return FrameCodec.instance().decode(line);
    } catch (FrameDecodingException e) {
      throw new IllegalStateException("the coordinator sent a line that is no frame", e);
    }
  }
}

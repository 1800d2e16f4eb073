package org.prochat.server.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.ProtocolLimits;

/** A simulated user that offers no key exchange: everything goes both ways in plain text. */
final class FanoutPlainSession implements FanoutSession {
  private static final byte[] ACK = "{\"type\":\"ack\"".getBytes(StandardCharsets.US_ASCII);

  @Override
  public ByteBuf hello(String nick) {
    return FanoutLines.encode(new Hello(ProtocolLimits.VERSION, nick));
  }

  @Override
  public void welcomed(byte[] welcome) {
    // Nothing to learn from it: the session id is implied on a direct link.
  }

  @Override
  public boolean ready() {
    return true;
  }

  @Override
  public ByteBuf line(Frame frame) {
    return FanoutLines.encode(frame);
  }

  @Override
  public boolean acknowledges(byte[] bytes, int from, int to) {
    return FanoutLines.startsWith(bytes, from, to, ACK);
  }
}

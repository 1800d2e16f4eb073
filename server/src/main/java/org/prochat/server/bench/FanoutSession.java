package org.prochat.server.bench;

import io.netty.buffer.ByteBuf;
import org.prochat.protocol.Frame;

/**
 * How one simulated user of the fan-out benchmark frames what it sends and recognises its acks:
 * plain, like a client typed by hand ({@link FanoutPlainSession}), or sealed with a session key,
 * like the desktop app ({@link FanoutSealedSession}). Generator loop only.
 */
interface FanoutSession {
  /** The hello line, to be written first. */
  ByteBuf hello(String nick);

  /** Takes the welcome line; from then on the user may send anything. */
  void welcomed(byte[] welcome);

  /** True when this user may send {@link #line} frames: a sealed one only once welcomed (it has no key before). */
  boolean ready();

  /** {@code frame} as this user sends it, one line. */
  ByteBuf line(Frame frame);

  /** True when the line {@code bytes[from, to)}, received on this user's link, acknowledges something it sent. */
  boolean acknowledges(byte[] bytes, int from, int to);
}

package org.prochat.protocol;

/**
 * First frame a client sends: who it wants to be.
 *
 * @param v protocol version the client speaks
 * @param nick the nickname asked for; the coordinator may hand out a variant ({@link Welcome#nick()})
 */
public record Hello(Integer v, String nick) implements Frame {
  public Hello {
    FrameRules.required(v, "v");
    FrameRules.required(nick, "nick");
  }

  @Override
  public String sid() {
    return null;
  }
}

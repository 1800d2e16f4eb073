package org.prochat.protocol;

/**
 * A client asks the coordinator who it is, before saying hello: so a client that would refuse the
 * answer (its pinned identity changed) never joins the room at all. Answered with {@link Identity}.
 */
public record Identify() implements Frame {
  @Override
  public String sid() {
    return null;
  }
}

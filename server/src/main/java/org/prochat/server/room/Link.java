package org.prochat.server.room;

import io.netty.channel.Channel;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One TCP link into the coordinator. It belongs to the session that said hello on it (its owner)
 * and carries every session routed through it: the owner, and, when the owner is a proxy, everyone
 * below it. Room loop only.
 */
public final class Link {
  private final Channel channel;
  private final Set<Session> routed = new LinkedHashSet<>();
  private Session owner;
  /** Whether the owner verifies the chain, as it was when this link began to carry anyone. */
  private boolean verifying;

  public Link(Channel channel) {
    this.channel = channel;
  }

  Channel channel() {
    return channel;
  }

  /** The session that said hello on this link, or null before that. */
  public Session owner() {
    return owner;
  }

  void owner(Session session) {
    this.owner = session;
  }

  boolean verifying() {
    return verifying;
  }

  void verifying(boolean verifies) {
    this.verifying = verifies;
  }

  Set<Session> routed() {
    return routed;
  }
}

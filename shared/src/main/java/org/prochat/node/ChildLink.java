package org.prochat.node;

import io.netty.channel.Channel;

/**
 * One child's link into this node. Its owner is the session that attached on it; once the
 * coordinator confirms that attach, broadcasts flow down it. Node loop only.
 */
final class ChildLink {
  private final Channel channel;
  private String ownerSid;
  private boolean confirmed;

  ChildLink(Channel channel) {
    this.channel = channel;
  }

  Channel channel() {
    return channel;
  }

  /** The session that attached on this link, or null while it has only probed. */
  String ownerSid() {
    return ownerSid;
  }

  void ownerSid(String sid) {
    this.ownerSid = sid;
  }

  boolean confirmed() {
    return confirmed;
  }

  void confirm() {
    this.confirmed = true;
  }
}

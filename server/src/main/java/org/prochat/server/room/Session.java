package org.prochat.server.room;

import io.netty.channel.Channel;
import java.net.SocketAddress;
import org.prochat.protocol.NicknameRules;
import org.prochat.server.FloodLimits;

/** One user in the room: their name, their link and their flood and resend state. Room loop only. */
public final class Session {
  private final String id;
  private final String nick;
  private final Channel channel;
  private final FloodGuard flood;
  private final RecentIds recentIds = new RecentIds();
  private boolean present = true;

  Session(String id, String nick, Channel channel, FloodLimits limits, long nowNanos) {
    this.id = id;
    this.nick = nick;
    this.channel = channel;
    this.flood = new FloodGuard(limits, nowNanos);
  }

  public String id() {
    return id;
  }

  public String nick() {
    return nick;
  }

  String key() {
    return NicknameRules.key(nick);
  }

  Channel channel() {
    return channel;
  }

  public SocketAddress remoteAddress() {
    return channel.remoteAddress();
  }

  FloodGuard flood() {
    return flood;
  }

  RecentIds recentIds() {
    return recentIds;
  }

  /** False once the user has left; frames still in flight for them are then ignored. */
  public boolean present() {
    return present;
  }

  void markGone() {
    present = false;
  }
}

package org.prochat.client;

import java.util.List;
import java.util.Locale;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Notice;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;

/** Writes down each call as a short line, so a test reads what the user would have been told. */
final class DescribingListener implements ChatListener {
  private final List<String> heard;

  /** @param heard where the lines go; a thread-safe list when calls come from an event loop */
  DescribingListener(List<String> heard) {
    this.heard = heard;
  }

  @Override
  public void onServerIdentity(String fingerprint, boolean firstContact) {
    heard.add("identity " + fingerprint + " first=" + firstContact);
  }

  @Override
  public void onWelcome(Welcome welcome, String askedNick) {
    heard.add("welcome " + welcome.nick() + " asked " + askedNick);
  }

  @Override
  public void onUsers(Users users) {
    heard.add("users " + users.nicks());
  }

  @Override
  public void onRoomEvent(RoomEvent event, boolean history) {
    String kind = event.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    heard.add(kind + " " + event.seq() + (history ? " history" : " live"));
  }

  @Override
  public void onPrivateMessage(PrivateMessage message) {
    heard.add("whisper " + message.from() + " " + message.text());
  }

  @Override
  public void onNotice(Notice notice) {
    heard.add("notice " + notice.text());
  }

  @Override
  public void onError(ErrorFrame error) {
    heard.add("error " + error.code().name().toLowerCase(Locale.ROOT) + " " + error.message());
  }

  @Override
  public void onDisconnected(String reason, boolean requested) {
    heard.add("disconnected " + reason + " requested=" + requested);
  }

  @Override
  public void onReconnected(Welcome welcome) {
    heard.add("reconnected " + welcome.sid() + " resumed=" + welcome.resumed());
  }
}

package org.prochat.server.room;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.ListChunks;
import org.prochat.protocol.Message;
import org.prochat.protocol.NicknameRules;
import org.prochat.protocol.Presence;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Users;

/**
 * Who the room's events have announced so far, which is the user list a newcomer gets: users whose
 * join still waits in a {@link PresenceBatch} reach it by the coming {@code presence} event instead.
 *
 * <p>Kept sorted as events come (no sort per newcomer), and the list's frames are made once per
 * change: every newcomer until the next join or leave gets the same ones. A plain session even gets
 * the same bytes, behind a few of its own that name it ({@link #plainLine}). Room loop only.
 */
final class AnnouncedRoster {
  /** How a list frame made without session and with seq 0 starts; what follows is the same for everyone. */
  private static final byte[] SHARED_PREFIX = "{\"type\":\"users\",\"seq\":0,".getBytes(StandardCharsets.US_ASCII);

  /** Nickname key to the user's nickname and whisper key. */
  private final NavigableMap<String, Member> members = new TreeMap<>();
  private final boolean withKeys;
  // The list, made when first asked for since the last change; without session and seq.
  private List<Users> pieces;
  private List<byte[]> tails;

  private record Member(String nick, String wkey) {}

  /** @param withKeys true when the list carries everyone's whisper key (end-to-end whispers) */
  AnnouncedRoster(boolean withKeys) {
    this.withKeys = withKeys;
  }

  /** Takes in what a published room event announced. */
  void apply(RoomEvent event) {
    switch (event) {
      case Join join -> put(join.nick(), join.wkey());
      case Leave leave -> remove(leave.nick());
      case Presence presence -> {
        presence.left().forEach(gone -> remove(gone.nick()));
        presence.joined().forEach(came -> put(came.nick(), came.wkey()));
      }
      case Message message -> { }
    }
  }

  /** An announced user came back with another whisper key: the list hands out the new one. */
  void rekeyed(String nick, String wkey) {
    Member member = members.get(NicknameRules.key(nick));
    if (member != null && withKeys && !Objects.equals(member.wkey(), wkey)) {
      put(nick, wkey);
    }
  }

  /** The list as frames for {@code sid}, as of room event {@code seq}, in as many as the line limit needs. */
  List<Users> frames(String sid, long seq) {
    return pieces().stream().map(piece -> new Users(sid, seq, piece.nicks(), piece.more(), piece.keys())).toList();
  }

  /** How many frames the list takes. */
  int frameCount() {
    return pieces().size();
  }

  /**
   * Frame {@code index} of {@link #frames} as a line for the plain session {@code sid}: its own few
   * bytes naming it and the seq, then the bytes every newcomer shares.
   */
  ByteBuf plainLine(String sid, long seq, int index) {
    if (tails == null) {
      tails = new ArrayList<>();
      for (Users frame : pieces()) {
        byte[] json = FrameCodec.instance().encode(frame);
        // Records are written field by field in order: type, (sid left out), seq, then the rest.
        if (!Arrays.equals(json, 0, SHARED_PREFIX.length, SHARED_PREFIX, 0, SHARED_PREFIX.length)) {
          throw new IllegalStateException("a users line does not start as it used to: the codec changed");
        }
        byte[] tail = Arrays.copyOfRange(json, SHARED_PREFIX.length, json.length + 1);
        tail[tail.length - 1] = '\n';
        tails.add(tail);
      }
    }
    byte[] head = ("{\"type\":\"users\",\"sid\":\"" + sid + "\",\"seq\":" + seq + ",").getBytes(StandardCharsets.UTF_8);
    return Unpooled.wrappedBuffer(head, tails.get(index));
  }

  private List<Users> pieces() {
    if (pieces == null) {
      pieces = build();
    }
    return pieces;
  }

  private List<Users> build() {
    List<String> nicks = new ArrayList<>(members.size());
    members.values().forEach(member -> nicks.add(member.nick()));
    // With end-to-end whispers the list brings each user's whisper key along.
    List<List<String>> chunks = withKeys ? ListChunks.of(nicks, nick -> nick.length() * 4 + 80) : ListChunks.of(nicks);
    List<Users> built = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      built.add(new Users(null, 0, chunks.get(i), i < chunks.size() - 1, withKeys ? keysOf(chunks.get(i)) : null));
    }
    return built;
  }

  private Map<String, String> keysOf(List<String> nicks) {
    Map<String, String> keys = new HashMap<>();
    for (String nick : nicks) {
      String wkey = members.get(NicknameRules.key(nick)).wkey();
      if (wkey != null) {
        keys.put(nick, wkey);
      }
    }
    return keys;
  }

  private void put(String nick, String wkey) {
    members.put(NicknameRules.key(nick), new Member(nick, wkey));
    changed();
  }

  private void remove(String nick) {
    if (members.remove(NicknameRules.key(nick)) != null) {
      changed();
    }
  }

  private void changed() {
    pieces = null;
    tails = null;
  }
}

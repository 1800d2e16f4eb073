package org.prochat.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.RoomEvent;

/**
 * One line of the page's message panel: a public message, a join, a leave or a whisper.
 *
 * @param seq the room event's number; null for a whisper, which is not a room event
 * @param ts coordinator time, milliseconds since the epoch
 * @param from who wrote it, joined or left
 * @param to a whisper's recipient; null otherwise
 * @param text the message, or why someone left; null for a join
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatItem(Kind kind, Long seq, long ts, String from, String to, String text) {

  enum Kind {
    @JsonProperty("message") MESSAGE,
    @JsonProperty("join") JOIN,
    @JsonProperty("leave") LEAVE,
    @JsonProperty("whisper") WHISPER
  }

  static ChatItem of(RoomEvent event) {
    return switch (event) {
      case Message m -> new ChatItem(Kind.MESSAGE, m.seq(), m.ts(), m.from(), null, m.text());
      case Join j -> new ChatItem(Kind.JOIN, j.seq(), j.ts(), j.nick(), null, null);
      case Leave l -> new ChatItem(Kind.LEAVE, l.seq(), l.ts(), l.nick(), null, l.reason());
    };
  }

  static ChatItem whisper(long ts, String from, String to, String text) {
    return new ChatItem(Kind.WHISPER, null, ts, from, to, text);
  }
}

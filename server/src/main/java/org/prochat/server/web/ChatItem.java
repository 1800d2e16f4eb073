package org.prochat.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.prochat.client.PresenceSummary;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Presence;
import org.prochat.protocol.RoomEvent;

/**
 * One line of the page's message panel: a public message, a join, a leave, the joins and leaves of a
 * big room together, or a whisper.
 *
 * @param seq the room event's number; null for a whisper, which is not a room event
 * @param ts coordinator time, milliseconds since the epoch
 * @param from who wrote it, joined or left; null for joins and leaves together
 * @param to a whisper's recipient; null otherwise
 * @param text the message, why someone left, or who came and went ("alice and 38 others joined");
 *     null for a join
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatItem(Kind kind, Long seq, long ts, String from, String to, String text) {

  enum Kind {
    @JsonProperty("message") MESSAGE,
    @JsonProperty("join") JOIN,
    @JsonProperty("leave") LEAVE,
    @JsonProperty("presence") PRESENCE,
    @JsonProperty("whisper") WHISPER
  }

  static ChatItem of(RoomEvent event) {
    return switch (event) {
      case Message m -> new ChatItem(Kind.MESSAGE, m.seq(), m.ts(), m.from(), null, m.text());
      case Join j -> new ChatItem(Kind.JOIN, j.seq(), j.ts(), j.nick(), null, null);
      case Leave l -> new ChatItem(Kind.LEAVE, l.seq(), l.ts(), l.nick(), null, l.reason());
      case Presence p -> new ChatItem(Kind.PRESENCE, p.seq(), p.ts(), null, null, PresenceSummary.of(p));
    };
  }

  static ChatItem whisper(long ts, String from, String to, String text) {
    return new ChatItem(Kind.WHISPER, null, ts, from, to, text);
  }
}

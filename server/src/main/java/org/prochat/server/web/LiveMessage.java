package org.prochat.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.prochat.server.room.RoomSnapshot;

/**
 * What the coordinator sends the page over the WebSocket, one JSON object per text frame, told
 * apart by its {@code type}. The page sends only {@code {"type":"ping"}}, answered with
 * {@link Pong}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
sealed interface LiveMessage {

  /** First frame on a new connection: the recent past, after which {@link Batch}es and {@link Sample}s stream. */
  @JsonTypeName("welcome")
  record Welcome(List<ChatItem> chat, List<String> logs, List<LiveStats> stats, RoomSnapshot room)
      implements LiveMessage {}

  /**
   * Chat items and log lines that arrived since the previous batch, oldest first.
   *
   * @param skippedChat items that arrived too fast to be sent, just before {@code chat}'s first
   * @param skippedLogs the same for log lines
   */
  @JsonTypeName("batch")
  record Batch(List<ChatItem> chat, List<String> logs, int skippedChat, int skippedLogs) implements LiveMessage {}

  /** The periodic figures; {@code room} is null when nobody joined, left or moved since the last one. */
  @JsonTypeName("sample")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Sample(LiveStats stats, RoomSnapshot room) implements LiveMessage {}

  /** The answer to the page's ping: the connection is alive. */
  @JsonTypeName("pong")
  record Pong(long at) implements LiveMessage {}

  /** A frame from the page was not understood; the connection stays open. */
  @JsonTypeName("error")
  record Error(String message) implements LiveMessage {}
}

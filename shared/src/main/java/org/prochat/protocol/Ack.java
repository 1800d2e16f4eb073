package org.prochat.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The coordinator has taken responsibility for the client's frame {@code id}.
 *
 * @param seq for a public message, its room event number; 0 for whispers
 */
public record Ack(String sid, String id, Status status, long seq) implements Frame {
  public Ack {
    FrameRules.requiredId(id);
    FrameRules.required(status, "status");
  }

  /** What became of the acknowledged frame. */
  public enum Status {
    /** Posted to the room as event {@code seq}. */
    @JsonProperty("posted") POSTED,
    /** Already posted earlier under this id (as event {@code seq}); not posted again. */
    @JsonProperty("duplicate") DUPLICATE,
    /** Whisper handed to its online recipient. */
    @JsonProperty("delivered") DELIVERED,
    /** Whisper kept for its offline recipient until they are back. */
    @JsonProperty("queued") QUEUED,
    /** A text command ran; its output, if any, came as notices. */
    @JsonProperty("done") DONE
  }
}

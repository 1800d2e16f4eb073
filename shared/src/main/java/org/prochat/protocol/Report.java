package org.prochat.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A client tells the coordinator its proxy misbehaved, so the coordinator avoids that proxy from
 * now on. Sent sealed, so the proxy can't forge reports about others.
 *
 * @param proxy the session id of the proxy the client was attached to
 * @param kind what it saw (once per report)
 */
public record Report(String sid, String proxy, Kind kind) implements Frame {
  /** What a client saw its proxy do. */
  public enum Kind {
    /** Events were missing on a link that stayed up; a replay from the coordinator filled the gap. */
    @JsonProperty("dropped") DROPPED,
    /** A frame failed its seal or signature: altered, injected or replayed. */
    @JsonProperty("forged") FORGED
  }

  public Report {
    FrameRules.required(proxy, "proxy");
    FrameRules.required(kind, "kind");
  }
}

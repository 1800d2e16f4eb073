package org.prochat.protocol;

import java.util.List;

/** Newcomer to coordinator: round trips measured to the {@link Candidates}; unreachable ones left out. */
public record Rtts(String sid, List<Measured> results) implements Frame {
  public Rtts {
    results = List.copyOf(FrameRules.required(results, "results"));
  }

  /** The round trip to candidate {@code peer}, in microseconds. */
  public record Measured(String peer, long micros) {
    public Measured {
      FrameRules.required(peer, "peer");
      FrameRules.nonNegative(micros, "micros");
    }
  }
}

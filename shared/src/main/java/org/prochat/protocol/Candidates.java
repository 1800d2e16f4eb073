package org.prochat.protocol;

import java.util.List;

/**
 * Coordinator to a newcomer (on its direct link): these peers could proxy for you; measure your
 * round trip to each and answer with {@link Rtts}.
 */
public record Candidates(String sid, List<PeerAddress> peers) implements Frame {
  public Candidates {
    peers = List.copyOf(FrameRules.required(peers, "peers"));
  }
}

package org.prochat.node;

import java.util.List;
import org.prochat.protocol.Frame;

/**
 * What a peer node does with each frame it relays between its uplink and its children. An honest
 * node ({@link #HONEST}, what every client runs) passes each frame on as it is. A proxy is some
 * other user's computer, though, so the rest of ProChat must not depend on that: tests give a real
 * node a dishonest tap (rewriting, injecting, replaying, dropping) to show that every such trick is
 * caught by the sessions it relays for.
 */
public interface RelayTap {
  /** Passes everything on unchanged. */
  RelayTap HONEST = new RelayTap() {};

  /** What goes down to the children in place of {@code frame}, which came from the uplink. */
  default List<Frame> down(Frame frame) {
    return List.of(frame);
  }

  /** What goes up in place of {@code frame}, which came from a child. */
  default List<Frame> up(Frame frame) {
    return List.of(frame);
  }
}

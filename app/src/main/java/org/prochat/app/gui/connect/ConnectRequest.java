package org.prochat.app.gui.connect;

import java.util.Objects;
import org.prochat.client.ServerAddress;
import org.prochat.node.PeerNodeOptions;

/**
 * A checked request to join a coordinator.
 *
 * @param server the coordinator
 * @param nick the nickname to ask for
 * @param peer the peer node to run, or null to relay for nobody
 */
public record ConnectRequest(ServerAddress server, String nick, PeerNodeOptions peer) {
  public ConnectRequest {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(nick, "nick");
  }
}

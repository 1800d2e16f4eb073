package org.prochat.app.gui.settings;

import java.util.Objects;
import org.prochat.client.ServerAddress;
import org.prochat.node.PeerNodeOptions;

/**
 * What the desktop app remembers between runs. Values are kept as the user typed them (the connect
 * dialog validates them), so a half-finished edit survives a restart.
 *
 * @param nick the nickname typed last (kept even while {@code useLocalAddress} hides it)
 * @param useLocalAddress true to join under this computer's local IP address instead of {@code nick}
 * @param server the coordinator, {@code host[:port]}
 * @param relay true to let this computer relay for others (runs the peer node)
 * @param relayPort the peer node's port, as typed
 * @param theme the colour scheme
 * @param scrollback how many lines a chat window keeps before dropping the oldest
 */
public record AppSettings(String nick, boolean useLocalAddress, String server, boolean relay, String relayPort,
    Theme theme, int scrollback) {
  /** Lines a chat window keeps by default: plenty to scroll back, bounded so a flood can't eat memory. */
  public static final int DEFAULT_SCROLLBACK = 5_000;

  public AppSettings {
    Objects.requireNonNull(nick, "nick");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(relayPort, "relayPort");
    Objects.requireNonNull(theme, "theme");
    if (scrollback < 1) {
      throw new IllegalArgumentException("scrollback must be at least 1 line, got " + scrollback);
    }
  }

  /** A first run: the OS user's name, the coordinator on this computer, relaying on its default port. */
  public static AppSettings defaults(String osUserName) {
    return new AppSettings(osUserName, false, "localhost:" + ServerAddress.DEFAULT_PORT, true,
        Integer.toString(PeerNodeOptions.DEFAULT_PORT), Theme.LIGHT, DEFAULT_SCROLLBACK);
  }

  public AppSettings withConnection(String newNick, boolean newUseLocalAddress, String newServer, boolean newRelay,
      String newRelayPort) {
    return new AppSettings(newNick, newUseLocalAddress, newServer, newRelay, newRelayPort, theme, scrollback);
  }

  public AppSettings withTheme(Theme newTheme) {
    return new AppSettings(nick, useLocalAddress, server, relay, relayPort, newTheme, scrollback);
  }
}

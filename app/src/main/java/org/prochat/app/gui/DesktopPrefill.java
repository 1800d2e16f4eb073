package org.prochat.app.gui;

import org.prochat.app.gui.settings.AppSettings;

/**
 * What the command line says about the connect dialog's fields; each null value leaves the
 * remembered one.
 *
 * @param server {@code --server}, as given
 * @param nick {@code --nick}
 * @param relay false for {@code --no-relay}
 * @param relayPort {@code --peer-port}
 */
public record DesktopPrefill(String server, String nick, Boolean relay, Integer relayPort) {
  /** Nothing from the command line. */
  public static final DesktopPrefill NONE = new DesktopPrefill(null, null, null, null);

  /** {@code settings} with the command line's values in place of the remembered ones. */
  public AppSettings applyTo(AppSettings settings) {
    return settings.withConnection(
        nick != null ? nick : settings.nick(),
        nick == null && settings.useLocalAddress(),
        server != null ? server : settings.server(),
        relay != null ? relay : settings.relay(),
        relayPort != null ? relayPort.toString() : settings.relayPort());
  }
}

package org.prochat.app.gui.room;

/** Where the session's link stands, as the status bar shows it. */
public enum ConnectionState {
  CONNECTING,
  CONNECTED,
  RECONNECTING,
  DISCONNECTED
}

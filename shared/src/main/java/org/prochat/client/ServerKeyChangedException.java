package org.prochat.client;

import org.prochat.crypto.PublicKeys;

/**
 * The coordinator presented another identity than the one pinned for it: it was reinstalled, or
 * someone is in the middle. No frame was sent after its welcome. The user may accept the new key
 * ({@link ServerKeyPins#pin}) and connect again.
 */
public final class ServerKeyChangedException extends Exception {
  private final ServerAddress server;
  private final String pinnedKey;
  private final String presentedKey;

  public ServerKeyChangedException(ServerAddress server, String pinnedKey, String presentedKey) {
    super("the coordinator at " + server + " presented a different identity than before (was "
        + PublicKeys.fingerprint(pinnedKey) + ", now " + PublicKeys.fingerprint(presentedKey)
        + "): it may have been reinstalled, or someone may be impersonating it");
    this.server = server;
    this.pinnedKey = pinnedKey;
    this.presentedKey = presentedKey;
  }

  public ServerAddress server() {
    return server;
  }

  public String pinnedFingerprint() {
    return PublicKeys.fingerprint(pinnedKey);
  }

  public String presentedFingerprint() {
    return PublicKeys.fingerprint(presentedKey);
  }

  /** The new key, to {@link ServerKeyPins#pin} once the user has checked its fingerprint. */
  public String presentedKey() {
    return presentedKey;
  }
}

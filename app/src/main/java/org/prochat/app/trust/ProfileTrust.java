package org.prochat.app.trust;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.prochat.client.ClientTrust;
import org.prochat.client.ServerKeyPins;
import org.prochat.crypto.WhisperKey;

/**
 * The user's {@link ClientTrust} kept in their profile, next to the settings file: the coordinator
 * identities they pinned ({@value #IDENTITY_PINS}) and their whisper key ({@value #WHISPER_KEY}). The
 * console and the desktop app read the same files, so an identity accepted in one is trusted by the
 * other, and whispers sealed for the user open in both.
 */
public final class ProfileTrust {
  static final String IDENTITY_PINS = "identity-pins.properties";
  static final String WHISPER_KEY = "whisper.key";

  private ProfileTrust() {}

  /** The identity pin file that goes with {@code settingsFile}. */
  public static Path identityPinFileNextTo(Path settingsFile) {
    return settingsFile.resolveSibling(IDENTITY_PINS);
  }

  /**
   * Reads the pins and the whisper key kept next to {@code settingsFile}, making and writing the key on
   * first use. Two small files and, once, a new key pair: milliseconds, but disk I/O all the same, so
   * the apps call it before their event loops start rather than on the JavaFX or a network thread.
   *
   * @throws IOException with a sentence naming the file and what to do, when a file can't be read or
   *     is not what it should be
   */
  public static ClientTrust load(Path settingsFile) throws IOException {
    Path pinFile = identityPinFileNextTo(settingsFile);
    ServerKeyPins pins;
    try {
      pins = ServerKeyPins.inFile(pinFile);
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException("cannot read the coordinator identities you trust from " + pinFile + ": " + why(e)
          + " (fix or remove the file; without it every coordinator counts as new)", e);
    }
    Path keyFile = settingsFile.resolveSibling(WHISPER_KEY);
    try {
      return new ClientTrust(pins, WhisperKey.loadOrCreate(keyFile));
    } catch (IOException e) {
      throw new IOException("cannot use your whisper key " + keyFile + ": " + why(e)
          + " (remove it to get a new one; whispers sealed for the old one can't be read then)", e);
    }
  }

  /** An unreadable file's exception says only its name; the reason is in its type. */
  private static String why(Exception e) {
    return e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
  }
}

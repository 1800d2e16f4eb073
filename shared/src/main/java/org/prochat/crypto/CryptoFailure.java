package org.prochat.crypto;

/** Something cryptographic did not check out: a bad signature, a tampered box, a malformed key. */
public final class CryptoFailure extends Exception {
  public CryptoFailure(String message) {
    super(message);
  }

  public CryptoFailure(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.prochat.server.store;

/** The store could not be opened or read at start-up; the message says which file and why. */
public final class StoreException extends Exception {
  StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.prochat.client;

/**
 * The link to the coordinator could not be opened, or closed before an answer came. The message
 * is a sentence for people; the cause, when there is one, is the network error behind it.
 */
public class ChatLinkException extends Exception {
  public ChatLinkException(String message) {
    super(message);
  }

  public ChatLinkException(String message, Throwable cause) {
    super(message, cause);
  }
}

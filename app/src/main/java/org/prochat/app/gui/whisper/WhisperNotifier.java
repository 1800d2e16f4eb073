package org.prochat.app.gui.whisper;

/** Tells the user about a whisper while none of the app's windows has the focus. */
@FunctionalInterface
public interface WhisperNotifier {
  /**
   * Called on the JavaFX thread; must not block.
   *
   * @param show brings up the conversation's window, for a click on the notification
   */
  void whisperArrived(String from, String text, Runnable show);
}

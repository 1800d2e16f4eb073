package org.prochat.app.gui.whisper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import org.prochat.app.gui.chat.UiContext;
import org.prochat.app.gui.session.ChatSession;
import org.prochat.protocol.NicknameRules;
import org.prochat.protocol.PrivateMessage;

/**
 * The whisper conversations of one session, one per person (names that are the same person, such as
 * {@code Bob} and {@code bob}, share one). Opening a conversation, or a whisper arriving, asks the
 * view to show (or raise) its window; a whisper that arrives while the app is not focused also goes
 * to the notifier.
 *
 * <p><b>Threading:</b> confined to the JavaFX thread (or a test's thread).
 */
public final class WhisperDirectory {
  private final ChatSession session;
  private final UiContext context;
  private final ObservableStringValue ownNick;
  private final WhisperNotifier notifier;
  private final Map<String, WhisperViewModel> conversations = new LinkedHashMap<>();
  private final List<Consumer<WhisperViewModel>> showRequests = new ArrayList<>();
  private final BooleanProperty appFocused = new SimpleBooleanProperty(this, "appFocused", true);

  public WhisperDirectory(ChatSession session, UiContext context, ObservableStringValue ownNick,
      WhisperNotifier notifier) {
    this.session = Objects.requireNonNull(session, "session");
    this.context = Objects.requireNonNull(context, "context");
    this.ownNick = Objects.requireNonNull(ownNick, "ownNick");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
  }

  /** True while one of the app's windows has the focus; kept by the views. */
  public BooleanProperty appFocusedProperty() {
    return appFocused;
  }

  /** Registers the view that shows (or raises) a conversation's window when asked. */
  public void onShowRequest(Consumer<WhisperViewModel> show) {
    showRequests.add(Objects.requireNonNull(show, "show"));
  }

  /** The conversation with {@code nick}, started if new, and its window shown or raised. */
  public WhisperViewModel open(String nick) {
    WhisperViewModel conversation = conversationWith(nick);
    showRequests.forEach(show -> show.accept(conversation));
    return conversation;
  }

  /** The conversations started so far, oldest first. */
  public List<WhisperViewModel> conversations() {
    return List.copyOf(conversations.values());
  }

  /** A whisper for this user: into its conversation, whose window comes up. */
  public void receive(PrivateMessage message) {
    WhisperViewModel conversation = conversationWith(message.from());
    conversation.receive(message);
    showRequests.forEach(show -> show.accept(conversation));
    if (!appFocused.get()) {
      notifier.whisperArrived(message.from(), message.text(), () -> open(message.from()));
    }
  }

  private WhisperViewModel conversationWith(String nick) {
    return conversations.computeIfAbsent(NicknameRules.key(nick),
        key -> new WhisperViewModel(nick, session, context, ownNick));
  }
}

package org.prochat.app.gui.room;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyStringProperty;
import org.prochat.app.gui.chat.ChatLine;
import org.prochat.app.gui.chat.ChatLine.Kind;
import org.prochat.app.gui.chat.InputLineViewModel;
import org.prochat.app.gui.chat.MessageLog;
import org.prochat.app.gui.chat.UiContext;
import org.prochat.app.gui.session.ChatSession;
import org.prochat.app.gui.whisper.WhisperDirectory;
import org.prochat.app.gui.whisper.WhisperNotifier;
import org.prochat.client.ChatListener;
import org.prochat.client.LinkSecurity;
import org.prochat.client.PresenceSummary;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.protocol.Presence;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.TextRules;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;

/**
 * The main window's model: the room's lines, who is here, the input line, the status bar and the
 * whisper conversations, kept current from what the session hears.
 *
 * <p>It is the session's {@link ChatListener}, but runs on the JavaFX thread: the app wraps it in a
 * {@link org.prochat.app.gui.session.UiThreadChatListener}. Leaving ({@link #quit}) says goodbye and
 * then runs {@code onExit} once, whether or not the goodbye got through in time.
 *
 * <p><b>Threading:</b> confined to the JavaFX thread (or a test's thread).
 */
public final class RoomViewModel implements ChatListener {
  /** How long leaving waits for the goodbye before closing anyway. */
  static final Duration QUIT_PATIENCE = Duration.ofSeconds(5);

  private final ChatSession session;
  private final UiContext context;
  private final Runnable onExit;
  private final MessageLog log;
  private final UserListViewModel users = new UserListViewModel();
  private final StatusBarViewModel status;
  private final InputLineViewModel input = new InputLineViewModel();
  private final WhisperDirectory whispers;
  private boolean leaving;

  /**
   * @param notifier tells about whispers that arrive while the app is not focused
   * @param onExit runs once the session is closed after {@link #quit}
   */
  public RoomViewModel(ChatSession session, UiContext context, WhisperNotifier notifier, Runnable onExit) {
    this.session = Objects.requireNonNull(session, "session");
    this.context = Objects.requireNonNull(context, "context");
    this.onExit = Objects.requireNonNull(onExit, "onExit");
    this.log = context.newLog();
    this.status = new StatusBarViewModel(context.clock(), session.relays());
    this.whispers = new WhisperDirectory(session, context, users.ownNickProperty(), notifier);
  }

  public MessageLog log() {
    return log;
  }

  public UserListViewModel users() {
    return users;
  }

  public StatusBarViewModel status() {
    return status;
  }

  public InputLineViewModel input() {
    return input;
  }

  public WhisperDirectory whispers() {
    return whispers;
  }

  /** This user's nickname in the room (empty until welcomed). */
  public ReadOnlyStringProperty nickProperty() {
    return users.ownNickProperty();
  }

  /** Acts on what is typed (Enter): a message, a command, a whisper, or leaving. */
  public void send() {
    String typed = input.take();
    if (typed == null) {
      return;
    }
    switch (TypedCommand.parse(typed)) {
      case TypedCommand.Quit quit -> quit(quit.reason());
      case TypedCommand.Whisper whisper -> whisperFromInput(whisper);
      case TypedCommand.Say say -> say(say.text());
    }
  }

  /** Runs a coordinator command such as {@code /online}, as if typed. */
  public void runCommand(String command) {
    say(command);
  }

  /** Opens (or raises) the whisper window for {@code nick}; there is none for this user. */
  public void openWhisper(String nick) {
    if (!users.isOwn(nick)) {
      whispers.open(nick);
    }
  }

  /** Says goodbye to the room with {@code reason}, then runs the exit action. Once only. */
  public void quit(String reason) {
    if (leaving) {
      return;
    }
    leaving = true;
    status.leaving();
    session.quit(reason)
        .completeOnTimeout(null, QUIT_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
        .whenCompleteAsync((closed, failure) -> onExit.run(), context.ui());
  }

  /** Brings the status bar up to date: countdown, round trip, relayed users. Called every second or so. */
  public void refreshStatus() {
    status.tick();
    status.measured(session.roundTrip());
    if (session.relays()) {
      session.relayingFor().thenAcceptAsync(status::relaying, context.ui());
    }
  }

  @Override
  public void onWelcome(Welcome welcome, String askedNick) {
    users.setOwnNick(welcome.nick());
    status.connected(welcome.nick());
    show(Kind.STATUS, welcome.nick().equals(askedNick)
        ? "You are " + welcome.nick()
        : "You are " + welcome.nick() + " (" + askedNick + " was taken)");
  }

  @Override
  public void onUsers(Users snapshot) {
    users.snapshot(snapshot.nicks());
  }

  @Override
  public void onRoomEvent(RoomEvent event, boolean history) {
    Instant time = Instant.ofEpochMilli(event.ts());
    switch (event) {
      case Message message -> log.append(ChatLine.said(users.isOwn(message.from()) ? Kind.OWN_MESSAGE : Kind.MESSAGE,
          time, message.from(), message.text()));
      case Join join -> {
        // Older joins and leaves are already in the user snapshot.
        if (!history) {
          users.joined(join.nick());
        }
        log.append(new ChatLine(Kind.JOIN, time, join.nick(), join.nick() + " joined"));
      }
      case Leave leave -> {
        if (!history) {
          users.left(leave.nick());
        }
        log.append(new ChatLine(Kind.LEAVE, time, leave.nick(), leave.nick() + " left (" + leave.reason() + ")"));
      }
      case Presence presence -> {
        if (!history) {
          users.changed(presence.left().stream().map(Presence.Left::nick).toList(),
              presence.joined().stream().map(Presence.Joined::nick).toList());
        }
        PresenceSummary.left(presence).ifPresent(text -> log.append(ChatLine.about(Kind.LEAVE, time, text)));
        PresenceSummary.joined(presence).ifPresent(text -> log.append(ChatLine.about(Kind.JOIN, time, text)));
      }
    }
  }

  @Override
  public void onPrivateMessage(PrivateMessage message) {
    whispers.receive(message);
  }

  @Override
  public void onNotice(Notice notice) {
    notice.text().lines().forEach(line -> show(Kind.NOTICE, line));
  }

  @Override
  public void onError(ErrorFrame error) {
    show(Kind.ERROR, error.message());
  }

  @Override
  public void onDisconnected(String reason, boolean requested) {
    status.disconnected(reason);
    if (!requested) {
      show(Kind.ERROR, "Disconnected (" + reason + ")");
    }
  }

  @Override
  public void onReconnecting(int attempt, Duration retryIn) {
    status.reconnecting(attempt, retryIn);
    if (attempt == 1) {
      show(Kind.STATUS, "Connection lost; reconnecting…");
    }
  }

  @Override
  public void onReconnected(Welcome welcome) {
    users.setOwnNick(welcome.nick());
    status.connected(welcome.nick());
    show(Kind.STATUS, welcome.resumed() ? "Reconnected" : "Reconnected as " + welcome.nick());
  }

  @Override
  public void onRoute(String parentNick) {
    status.routed(parentNick);
  }

  @Override
  public void onServerIdentity(String fingerprint, boolean firstContact) {
    status.identified(fingerprint, firstContact);
  }

  @Override
  public void onLinkSecurity(LinkSecurity security) {
    status.secured(security);
  }

  private void say(String text) {
    String problem = TextRules.check(text).map(v -> v.message()).orElse(null);
    if (problem != null) {
      show(Kind.ERROR, problem);
      return;
    }
    // A refusal comes back through onError, and a lost session through onDisconnected.
    session.say(text);
  }

  private void whisperFromInput(TypedCommand.Whisper whisper) {
    if (users.isOwn(whisper.nick())) {
      show(Kind.ERROR, "You can't whisper to yourself");
      return;
    }
    var conversation = whispers.open(whisper.nick());
    if (!whisper.text().isEmpty()) {
      conversation.send(whisper.text());
    }
  }

  private void show(Kind kind, String text) {
    log.append(ChatLine.about(kind, context.clock().instant(), text));
  }
}

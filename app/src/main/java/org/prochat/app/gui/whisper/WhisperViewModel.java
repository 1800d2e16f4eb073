package org.prochat.app.gui.whisper;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import javafx.beans.value.ObservableStringValue;
import org.prochat.app.gui.chat.ChatLine;
import org.prochat.app.gui.chat.ChatLine.Kind;
import org.prochat.app.gui.chat.InputLineViewModel;
import org.prochat.app.gui.chat.MessageLog;
import org.prochat.app.gui.chat.UiContext;
import org.prochat.app.gui.session.ChatSession;
import org.prochat.client.ChatRefusedException;
import org.prochat.protocol.Ack;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.TextRules;
import org.prochat.protocol.Violation;

/**
 * The private conversation with one person: what each side whispered, and the line to whisper from.
 * A whisper shows as sent right away; if the coordinator keeps it for later (the person is offline)
 * or refuses it, a line below says so.
 *
 * <p><b>Threading:</b> confined to the JavaFX thread (or a test's thread); network results come back
 * through the context's UI executor.
 */
public final class WhisperViewModel {
  private final String peer;
  private final ChatSession session;
  private final UiContext context;
  private final ObservableStringValue ownNick;
  private final MessageLog log;
  private final InputLineViewModel input = new InputLineViewModel();

  WhisperViewModel(String peer, ChatSession session, UiContext context, ObservableStringValue ownNick) {
    this.peer = Objects.requireNonNull(peer, "peer");
    this.session = Objects.requireNonNull(session, "session");
    this.context = Objects.requireNonNull(context, "context");
    this.ownNick = Objects.requireNonNull(ownNick, "ownNick");
    this.log = context.newLog();
  }

  /** The other person's nickname. */
  public String peer() {
    return peer;
  }

  public MessageLog log() {
    return log;
  }

  public InputLineViewModel input() {
    return input;
  }

  /** Whispers what is typed (Enter). */
  public void send() {
    String typed = input.take();
    if (typed != null) {
      send(typed);
    }
  }

  /** Whispers {@code text} to the other person. */
  public void send(String text) {
    Violation invalid = TextRules.check(text).orElse(null);
    if (invalid != null) {
      log.append(ChatLine.about(Kind.ERROR, context.clock().instant(), invalid.message()));
      return;
    }
    log.append(ChatLine.said(Kind.WHISPER_OUT, context.clock().instant(), ownNick.get(), text));
    session.whisper(peer, text).whenCompleteAsync((ack, failure) -> {
      if (failure != null) {
        log.append(ChatLine.about(Kind.ERROR, context.clock().instant(), "Not sent: " + reason(failure)));
      } else if (ack.status() == Ack.Status.QUEUED) {
        log.append(ChatLine.about(Kind.STATUS, context.clock().instant(),
            "queued — delivered when " + peer + " is back"));
      }
    }, context.ui());
  }

  void receive(PrivateMessage message) {
    log.append(ChatLine.said(Kind.WHISPER_IN, Instant.ofEpochMilli(message.ts()), message.from(),
        message.text()));
  }

  private static String reason(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause instanceof ChatRefusedException refused ? refused.error().message() : cause.getMessage();
  }
}

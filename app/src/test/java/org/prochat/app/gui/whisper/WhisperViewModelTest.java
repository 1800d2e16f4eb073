package org.prochat.app.gui.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.prochat.app.gui.FakeChatSession;
import org.prochat.app.gui.TestClock;
import org.prochat.app.gui.chat.ChatLine;
import org.prochat.app.gui.chat.ChatLine.Kind;
import org.prochat.app.gui.chat.UiContext;
import org.prochat.client.ChatRefusedException;
import org.prochat.protocol.Ack;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;

class WhisperViewModelTest {
  private final FakeChatSession session = new FakeChatSession(false);
  private final WhisperDirectory whispers = new WhisperDirectory(session,
      new UiContext(Runnable::run, Runnable::run, new TestClock(), 100), new SimpleStringProperty("alice"),
      (from, text, show) -> {});

  @Test
  void aWhisperShowsAsSentFromThisUser() {
    WhisperViewModel bob = whispers.open("bob");
    bob.input().textProperty().set("psst");

    bob.send();

    assertThat(session.sent).containsExactly("bob: psst");
    assertThat(bob.log().lines()).extracting(ChatLine::kind, ChatLine::nick, ChatLine::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.WHISPER_OUT, "alice", "psst"));
  }

  @Test
  void aWhisperToSomeoneOfflineSaysItIsQueued() {
    session.whisperStatus = Ack.Status.QUEUED;

    whispers.open("bob").send("see you");

    assertThat(texts(whispers.open("bob"))).containsExactly("see you", "queued — delivered when bob is back");
  }

  @Test
  void aRefusedWhisperSaysWhy() {
    session.failNextWith = new ChatRefusedException(
        new ErrorFrame(null, ErrorCode.UNKNOWN_USER, "nobody called zed has been here", "m1", false));

    whispers.open("zed").send("hi");

    assertThat(texts(whispers.open("zed"))).containsExactly("hi", "Not sent: nobody called zed has been here");
  }

  @Test
  void oneConversationPerPersonWhateverTheCase() {
    assertThat(whispers.open("Bob")).isSameAs(whispers.open("bob"));
  }

  private static List<String> texts(WhisperViewModel conversation) {
    return conversation.log().lines().stream().map(ChatLine::text).toList();
  }
}

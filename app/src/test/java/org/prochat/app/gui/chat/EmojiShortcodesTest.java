package org.prochat.app.gui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmojiShortcodesTest {
  @Test
  void emoticonsThatAreWordsOfTheirOwnBecomeEmoji() {
    assertThat(EmojiShortcodes.render("hi :) see you <3")).isEqualTo("hi 🙂 see you ❤");
  }

  @Test
  void namedCodesBecomeEmojiEvenInsideAWord() {
    assertThat(EmojiShortcodes.render("great:tada: :heart::fire:")).isEqualTo("great🎉 ❤🔥");
  }

  @Test
  void emoticonsInsideOtherTextAndUnknownCodesStayAsTyped() {
    assertThat(EmojiShortcodes.render("see http://x:) and f(x:D) :nosuchcode: 10:30"))
        .isEqualTo("see http://x:) and f(x:D) :nosuchcode: 10:30");
  }

  @Test
  void whitespaceIsKept() {
    assertThat(EmojiShortcodes.render("  a  :)  ")).isEqualTo("  a  🙂  ");
  }
}

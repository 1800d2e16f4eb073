package org.prochat.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedLineParserTest {

  @Test
  void aPasteOfSeveralLinesIsSeveralMessagesWithoutTheBlankOnes() {
    assertThat(TypedLineParser.lines("first\n\n  \r\nsecond\r\nthird")).containsExactly("first", "second", "third");
  }

  @Test
  void quitAndExitEndTheConsoleWithAnOptionalReason() {
    assertThat(TypedLineParser.quitReason("/quit")).contains("quit");
    assertThat(TypedLineParser.quitReason("/EXIT")).contains("quit");
    assertThat(TypedLineParser.quitReason("/quit  gone fishing ")).contains("gone fishing");
  }

  @Test
  void otherLinesAndLookAlikesAreNotQuit() {
    assertThat(TypedLineParser.quitReason("/quitter")).isEmpty();
    assertThat(TypedLineParser.quitReason("//quit")).isEmpty();
    assertThat(TypedLineParser.quitReason("I quit")).isEmpty();
    assertThat(TypedLineParser.quitReason("/help")).isEmpty();
  }
}

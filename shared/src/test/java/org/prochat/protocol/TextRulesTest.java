package org.prochat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

  @Test
  void anOrdinaryLineIsAccepted() {
    assertThat(TextRules.check("hello :) ünïcödé 👋")).isEmpty();
  }

  @Test
  void blankTextIsRefused() {
    assertThat(TextRules.check("   ")).map(Violation::code).contains(ErrorCode.TEXT_INVALID);
  }

  @Test
  void theLimitCountsCodePointsNotBytes() {
    String emoji = "👋".repeat(ProtocolLimits.MAX_TEXT_CODE_POINTS);
    assertThat(TextRules.check(emoji)).isEmpty();
    assertThat(TextRules.check(emoji + "!")).map(Violation::code).contains(ErrorCode.TEXT_TOO_LONG);
  }

  @Test
  void newlinesAndOtherControlCharactersAreRefused() {
    assertThat(TextRules.check("one\ntwo")).map(Violation::code).contains(ErrorCode.TEXT_INVALID);
    assertThat(TextRules.check("bell\u0007")).map(Violation::code).contains(ErrorCode.TEXT_INVALID);
  }
}

package org.prochat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NicknameRulesTest {

  @Test
  void ordinaryNamesAreAccepted() {
    assertThat(NicknameRules.check("alice")).isEmpty();
    assertThat(NicknameRules.check("Zoë_[42]")).isEmpty();
    assertThat(NicknameRules.check("Ωμέγα")).isEmpty();
    assertThat(NicknameRules.check("x".repeat(ProtocolLimits.MAX_NICK_CODE_POINTS))).isEmpty();
  }

  @Test
  void emptyAndOverLongNamesAreInvalid() {
    assertThat(NicknameRules.check("")).map(Violation::code).contains(ErrorCode.NICK_INVALID);
    assertThat(NicknameRules.check("x".repeat(ProtocolLimits.MAX_NICK_CODE_POINTS + 1)))
        .map(Violation::code).contains(ErrorCode.NICK_INVALID);
  }

  @Test
  void spacesControlAndInvisibleCharactersAreInvalid() {
    assertThat(NicknameRules.check("al ice")).map(Violation::message).hasValueSatisfying(m -> assertThat(m).contains("spaces"));
    assertThat(NicknameRules.check("al\u0007ice")).map(Violation::code).contains(ErrorCode.NICK_INVALID);
    assertThat(NicknameRules.check("admin\u202Egnp")).map(Violation::code).contains(ErrorCode.NICK_INVALID);
    assertThat(NicknameRules.check("bob\u200B")).map(Violation::code).contains(ErrorCode.NICK_INVALID);
  }

  @Test
  void theRelayPrefixIsReservedForOrdinaryClients() {
    assertThat(NicknameRules.check("*bob")).map(Violation::code).contains(ErrorCode.NICK_RESERVED);
    assertThat(NicknameRules.checkRelayed("*bob")).isEmpty();
    assertThat(NicknameRules.checkRelayed("bob")).map(Violation::code).contains(ErrorCode.NICK_INVALID);
  }

  @Test
  void namesDifferingOnlyInCaseOrWidthAreTheSameName() {
    assertThat(NicknameRules.key("Alice")).isEqualTo(NicknameRules.key("aLICE"));
    assertThat(NicknameRules.key("ｂｏｂ")).isEqualTo(NicknameRules.key("bob"));
    assertThat(NicknameRules.key("alice")).isNotEqualTo(NicknameRules.key("alice2"));
  }
}

package org.prochat.app.gui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.prochat.protocol.ProtocolLimits;

class InputLineViewModelTest {
  private final InputLineViewModel input = new InputLineViewModel();

  @Test
  void theCounterStaysHiddenUntilTheLimitIsNear() {
    input.textProperty().set("x".repeat(ProtocolLimits.MAX_TEXT_CODE_POINTS - InputLineViewModel.WARN_WHEN_LEFT - 1));
    assertThat(input.counterProperty().get()).isEmpty();

    input.textProperty().set("x".repeat(ProtocolLimits.MAX_TEXT_CODE_POINTS - 12));
    assertThat(input.counterProperty().get()).isEqualTo("12 left");
  }

  @Test
  void textOverTheLimitIsNotTakenAndSaysByHowMuch() {
    input.textProperty().set("😀".repeat(ProtocolLimits.MAX_TEXT_CODE_POINTS + 3));

    assertThat(input.counterProperty().get()).isEqualTo("3 too many");
    assertThat(input.take()).isNull();
    assertThat(input.textProperty().get()).isNotEmpty();
  }

  @Test
  void takingEmptiesTheLineAndUpBringsItBack() {
    input.textProperty().set("hello");

    assertThat(input.take()).isEqualTo("hello");
    assertThat(input.textProperty().get()).isEmpty();
    input.recallPrevious();
    assertThat(input.textProperty().get()).isEqualTo("hello");
    input.recallNext();
    assertThat(input.textProperty().get()).isEmpty();
  }

  @Test
  void blankLinesAreNotTaken() {
    input.textProperty().set("   ");

    assertThat(input.take()).isNull();
  }
}

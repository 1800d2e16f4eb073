package org.prochat.app.gui.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedCommandTest {
  @Test
  void quitAndExitLeaveWithAnOptionalReason() {
    assertThat(TypedCommand.parse("/quit")).isEqualTo(new TypedCommand.Quit("quit"));
    assertThat(TypedCommand.parse("/EXIT lunch time ")).isEqualTo(new TypedCommand.Quit("lunch time"));
  }

  @Test
  void msgAndWWhisper() {
    assertThat(TypedCommand.parse("/msg bob hi there")).isEqualTo(new TypedCommand.Whisper("bob", "hi there"));
    assertThat(TypedCommand.parse("/w bob")).isEqualTo(new TypedCommand.Whisper("bob", ""));
  }

  @Test
  void everythingElseGoesToTheCoordinatorAsTyped() {
    assertThat(TypedCommand.parse("/online")).isEqualTo(new TypedCommand.Say("/online"));
    assertThat(TypedCommand.parse("/quitting is hard")).isEqualTo(new TypedCommand.Say("/quitting is hard"));
    assertThat(TypedCommand.parse(" hello ")).isEqualTo(new TypedCommand.Say(" hello "));
  }
}

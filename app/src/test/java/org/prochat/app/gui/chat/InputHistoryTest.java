package org.prochat.app.gui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputHistoryTest {
  private final InputHistory history = new InputHistory(3);

  @Test
  void upWalksBackFromTheNewestAndStopsAtTheOldest() {
    history.add("one");
    history.add("two");

    assertThat(history.previous("")).hasValue("two");
    assertThat(history.previous("")).hasValue("one");
    assertThat(history.previous("")).isEmpty();
  }

  @Test
  void downPastTheNewestBringsBackTheDraft() {
    history.add("one");

    assertThat(history.previous("half typed")).hasValue("one");
    assertThat(history.next()).hasValue("half typed");
    assertThat(history.next()).isEmpty();
  }

  @Test
  void aRepeatedLineIsKeptOnceAndTheOldestGoPastTheLimit() {
    for (String line : new String[] {"a", "b", "b", "c", "d"}) {
      history.add(line);
    }

    assertThat(history.previous("")).hasValue("d");
    assertThat(history.previous("")).hasValue("c");
    assertThat(history.previous("")).hasValue("b");
    assertThat(history.previous("")).isEmpty();
  }
}

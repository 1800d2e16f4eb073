package org.prochat.app.gui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NickColoursTest {
  @Test
  void theSamePersonAlwaysGetsTheSameColourWhateverTheCase() {
    assertThat(NickColours.styleClass("Alice")).isEqualTo(NickColours.styleClass("alice"));
  }

  @Test
  void theColourIsFixedAcrossRunsAndMachines() {
    // Pinned: a changed hash would recolour everyone.
    assertThat(NickColours.styleClass("alice")).isEqualTo("nick-colour-7");
    assertThat(NickColours.styleClass("bob")).isEqualTo("nick-colour-4");
    assertThat(NickColours.styleClass("carol")).isEqualTo("nick-colour-2");
  }

  @Test
  void namesThatDifferInOneLetterSpreadOverTheColours() {
    long colours = IntStream.range(0, 40).mapToObj(i -> "user" + i).map(NickColours::styleClass).distinct().count();
    assertThat(colours).isGreaterThanOrEqualTo(NickColours.COUNT - 2);
  }
}

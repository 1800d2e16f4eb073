package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Presence;

class PresenceSummaryTest {

  @Test
  void fewNamesAreAllSpelledOut() {
    assertThat(PresenceSummary.of(joined("alice"))).isEqualTo("alice joined");
    assertThat(PresenceSummary.of(joined("alice", "bob"))).isEqualTo("alice and bob joined");
    assertThat(PresenceSummary.of(joined("alice", "bob", "carol"))).isEqualTo("alice, bob and carol joined");
  }

  @Test
  void manyNamesAreCountedAfterTheFirstTwo() {
    String[] forty = IntStream.range(0, 40).mapToObj(i -> "u" + i).toArray(String[]::new);

    assertThat(PresenceSummary.of(joined(forty))).isEqualTo("u0, u1 and 38 others joined");
  }

  @Test
  void oneLeaveSaysWhyAndBothSidesShareTheLine() {
    Presence both = new Presence(1, 0, List.of(new Presence.Joined("alice", null)),
        List.of(new Presence.Left("bob", "quit")));
    Presence twoLeft = new Presence(2, 0, List.of(),
        List.of(new Presence.Left("bob", "quit"), new Presence.Left("carol", "connection lost")));

    assertThat(PresenceSummary.of(both)).isEqualTo("alice joined; bob left (quit)");
    assertThat(PresenceSummary.left(twoLeft)).contains("bob and carol left");
    assertThat(PresenceSummary.joined(twoLeft)).isEmpty();
  }

  private static Presence joined(String... nicks) {
    return new Presence(1, 0, List.of(nicks).stream().map(n -> new Presence.Joined(n, null)).toList(), List.of());
  }
}

package org.prochat.server.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.prochat.server.overlay.ProxyChooser.Measured;

class ProxyChooserTest {
  private final ProxyChooser chooser = new ProxyChooser(new Random(7));

  @Test
  void theLowestRoundTripToTheNewcomerWins() {
    String chosen = chooser.choose(List.of(
        new Measured<>("far", 9_000, 100),
        new Measured<>("near", 2_000, 5_000),
        new Measured<>("middle", 4_000, 100)));

    assertThat(chosen).isEqualTo("near");
  }

  @Test
  void onATieToTheNewcomerTheLowestRoundTripToTheCoordinatorWins() {
    String chosen = chooser.choose(List.of(
        new Measured<>("a", 2_000, 3_000),
        new Measured<>("b", 2_100, 1_000),
        new Measured<>("c", 9_000, 10)));

    assertThat(chosen).isEqualTo("b");
  }

  @Test
  void whenEachLegAloneTiesTheLowestSumWins() {
    // Each leg differs by 400 µs (a tie); the sums differ by 800 µs, beyond the 500 µs tolerance.
    String chosen = chooser.choose(List.of(
        new Measured<>("slower", 1_400, 1_400),
        new Measured<>("steady", 1_000, 1_000)));

    assertThat(chosen).isEqualTo("steady");
  }

  @Test
  void aFullTieIsBrokenAtRandomAmongTheTiedOnly() {
    Set<String> picked = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      picked.add(chooser.choose(List.of(
          new Measured<>("x", 1_000, 2_000),
          new Measured<>("y", 1_100, 2_050),
          new Measured<>("z", 1_050, 1_950),
          new Measured<>("slow", 50_000, 1))));
    }

    assertThat(picked).containsExactlyInAnyOrder("x", "y", "z");
  }

  @Test
  void theToleranceIsHalfAMillisecondOrTenPercentWhicheverIsMore() {
    assertThat(ProxyChooser.ties(1_500, 1_000)).isTrue();
    assertThat(ProxyChooser.ties(1_501, 1_000)).isFalse();
    assertThat(ProxyChooser.ties(22_000, 20_000)).isTrue();
    assertThat(ProxyChooser.ties(22_001, 20_000)).isFalse();
  }

  @Test
  void aCandidateThatNeverReportedItsRoundTripLosesTheSecondStep() {
    String chosen = chooser.choose(List.of(
        new Measured<>("unknown", 1_000, Long.MAX_VALUE),
        new Measured<>("known", 1_000, 40_000)));

    assertThat(chosen).isEqualTo("known");
  }

  @Test
  void noCandidatesMeansNoChoice() {
    assertThat(chooser.<String>choose(List.of())).isNull();
  }
}

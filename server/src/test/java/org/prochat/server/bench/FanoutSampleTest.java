package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The timed users: spread evenly over the join order, first and last included, or every one. */
class FanoutSampleTest {
  private static int[] timed(FanoutSample sample, int clients) {
    return IntStream.range(0, clients).filter(sample::timed).toArray();
  }

  @Test
  void theSampleSpreadsOverTheJoinOrderFromFirstToLast() {
    assertThat(timed(new FanoutSample(9, 3), 9)).containsExactly(0, 4, 8);
    assertThat(timed(new FanoutSample(10, 4), 10)).containsExactly(0, 3, 6, 9);
  }

  @Test
  void aSampleHasExactlyAsManyUsersAsAskedFor() {
    FanoutSample sample = new FanoutSample(500, 32);

    assertThat(sample.size()).isEqualTo(32);
    assertThat(timed(sample, 500)).hasSize(32).startsWith(0).endsWith(499);
    assertThat(timed(new FanoutSample(33, 32), 33)).hasSize(32);
  }

  @Test
  void allOrMoreThanThereAreTimesEveryUser() {
    assertThat(new FanoutSample(5, FanoutSample.ALL).size()).isEqualTo(5);
    assertThat(timed(new FanoutSample(5, 7), 5)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void aSampleNeedsTheFirstAndTheLastUser() {
    assertThatThrownBy(() -> new FanoutSample(5, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}

package org.prochat.server.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OverlayTreeTest {
  private final OverlayTree tree = new OverlayTree(new OverlayLimits(2, 8, 3, Duration.ZERO));

  @Test
  void aNewSessionStartsAtTheRoot() {
    tree.add("a", true);

    assertThat(tree.depth("a")).isEqualTo(1);
    assertThat(tree.rootChildren()).isEqualTo(1);
    assertThat(tree.parent("a")).isNull();
  }

  @Test
  void theFirstSessionIsTheOnlyCandidateForTheSecond() {
    tree.add("a", true);
    tree.add("b", true);

    assertThat(tree.eligibleParents("b")).containsExactly("a");
  }

  @Test
  void aFullProxyIsNotEligible() {
    tree.add("a", true);
    for (String child : new String[] {"b", "c"}) {
      tree.add(child, true);
      tree.placeUnder(child, "a");
    }
    tree.add("d", true);

    assertThat(tree.eligibleParents("d")).containsExactly("b", "c");
  }

  @Test
  void aReservedPlaceCountsAsTaken() {
    tree.add("a", true);
    tree.add("b", true);
    tree.add("c", true);
    tree.add("d", true);
    tree.reserve("a");
    tree.reserve("a");

    assertThat(tree.eligibleParents("d")).doesNotContain("a");
    tree.release("a");
    assertThat(tree.eligibleParents("d")).contains("a");
  }

  @Test
  void aPeerThatDoesNotRelayIsNeverEligible() {
    tree.add("leaf", false);
    tree.add("b", true);

    assertThat(tree.eligibleParents("b")).isEmpty();
  }

  @Test
  void depthCountsTheMoversWholeSubtree() {
    tree.add("a", true);
    tree.add("b", true);
    tree.placeUnder("b", "a");
    tree.add("mover", true);
    tree.add("moverChild", true);
    tree.placeUnder("moverChild", "mover");

    // Below b the mover's child would sit at depth 4, beyond the limit of 3.
    assertThat(tree.eligibleParents("mover")).containsExactly("a");
  }

  @Test
  void aSessionCannotMoveBelowItsOwnSubtree() {
    tree.add("a", true);
    tree.add("b", true);
    tree.placeUnder("b", "a");

    assertThat(tree.eligibleParents("a")).doesNotContain("b");
    assertThatThrownBy(() -> tree.placeUnder("a", "b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSessionMovesWithItsSubtree() {
    tree.add("a", true);
    tree.add("b", true);
    tree.add("c", true);
    tree.placeUnder("c", "b");

    tree.placeUnder("b", "a");

    assertThat(tree.subtree("a")).containsExactly("a", "b", "c");
    assertThat(tree.depth("c")).isEqualTo(3);
  }

  @Test
  void anUnplacedSessionAndItsSubtreeHangNowhereAndAreNotCandidates() {
    tree.add("a", true);
    tree.add("b", true);
    tree.placeUnder("b", "a");

    tree.unplace("a");
    tree.add("c", true);

    assertThat(tree.isPlaced("b")).isFalse();
    assertThat(tree.depth("b")).isZero();
    assertThat(tree.eligibleParents("c")).isEmpty();
  }

  @Test
  void removingAProxyLeavesItsChildrenPlacedNowhere() {
    tree.add("a", true);
    tree.add("b", true);
    tree.placeUnder("b", "a");

    assertThat(tree.remove("a")).containsExactly("b");
    assertThat(tree.isPlaced("b")).isFalse();
    assertThat(tree.contains("a")).isFalse();
  }
}

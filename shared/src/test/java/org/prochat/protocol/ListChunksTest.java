package org.prochat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListChunksTest {

  @Test
  void tenThousandLongNamesSplitIntoFramesThatEachFitALine() {
    List<String> nicks = IntStream.range(0, 10_000).mapToObj(i -> "ë".repeat(20) + String.format("%04d", i)).toList();

    List<List<String>> pieces = ListChunks.of(nicks);

    assertThat(pieces).hasSizeGreaterThan(1);
    List<String> joined = new ArrayList<>();
    for (List<String> piece : pieces) {
      int line = FrameCodec.instance().encode(new Users("s123456", 9_999_999, piece, true)).length;
      assertThat(line).isLessThan(ProtocolLimits.MAX_LINE_BYTES);
      joined.addAll(piece);
    }
    assertThat(joined).isEqualTo(nicks);
  }

  @Test
  void aSmallListIsOnePieceAndNoneIsOneEmptyPiece() {
    assertThat(ListChunks.of(List.of("alice", "bob"))).containsExactly(List.of("alice", "bob"));
    assertThat(ListChunks.of(List.of())).containsExactly(List.of());
  }
}

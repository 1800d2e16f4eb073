package org.prochat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PongTest {
  private final FrameCodec codec = FrameCodec.instance();

  @Test
  void anAnswerToAPingSaysNothingOfMoves() throws Exception {
    assertThat(codec.encodeToString(new Pong("s1", 123, 57))).isEqualTo("{\"type\":\"pong\",\"sid\":\"s1\",\"t\":123,\"seq\":57}");
    assertThat(((Pong) codec.decode("{\"type\":\"pong\",\"sid\":\"s1\",\"t\":123,\"seq\":57}")).branchMoved()).isFalse();
  }

  @Test
  void theBranchMovedPongIsAPongNoPingAskedFor() throws Exception {
    String line = codec.encodeToString(Pong.branchMoved("s9", 57));

    assertThat(line).isEqualTo("{\"type\":\"pong\",\"sid\":\"s9\",\"t\":-1,\"seq\":57,\"moved\":true}");
    assertThat(codec.decode(line)).isEqualTo(Pong.branchMoved("s9", 57));
    assertThat(((Pong) codec.decode(line)).branchMoved()).isTrue();
  }
}

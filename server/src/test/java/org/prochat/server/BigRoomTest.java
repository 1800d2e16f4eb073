package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Ack;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Notice;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Say;
import org.prochat.protocol.Users;

/** A room too big for one line: the user list and /online come in pieces, each within the limit. */
class BigRoomTest extends RunningCoordinator {
  /** With 20 three-byte letters in each name, 250 names make a list longer than one line may be. */
  static final int USERS = 250;

  @Test
  void theUserListAndOnlineComeInPiecesThatEachFitALine() throws Exception {
    // Every join announced at once, so the newcomer's list holds everyone who came before it.
    start(settings -> settings.presenceBatchFrom(USERS + 2));
    List<String> nicks = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      String nick = "漢".repeat(20) + String.format("%04d", i);
      nicks.add(nick);
      join(nick);
    }

    RawClient newcomer = join("newcomer");
    List<Users> pieces = new ArrayList<>();
    do {
      pieces.add(newcomer.await(Users.class));
    } while (pieces.getLast().more());
    newcomer.send(new Say("who", "/online"));
    newcomer.await(Ack.class, a -> a.id().equals("who"));

    assertThat(lineBytes(new Users("s1", 1, nicks))).as("the whole list in one line").isGreaterThan(ProtocolLimits.MAX_LINE_BYTES);
    assertThat(pieces).hasSizeGreaterThan(1).allSatisfy(piece -> assertThat(lineBytes(piece)).isLessThan(ProtocolLimits.MAX_LINE_BYTES));
    assertThat(pieces.stream().flatMap(p -> p.nicks().stream()).toList()).containsExactlyInAnyOrderElementsOf(nicks);
    List<Notice> online = newcomer.seen(Notice.class);
    assertThat(online).hasSizeGreaterThan(1).allSatisfy(n -> assertThat(lineBytes(n)).isLessThan(ProtocolLimits.MAX_LINE_BYTES));
    assertThat(online.getFirst().text()).startsWith("Online (" + (USERS + 1) + "): ");
  }

  private static int lineBytes(org.prochat.protocol.Frame frame) {
    return FrameCodec.instance().encode(frame).length;
  }
}

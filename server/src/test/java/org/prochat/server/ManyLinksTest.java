package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Message;
import org.prochat.protocol.Say;

/**
 * A room with more direct links than one chunk of a broadcast pass: while several users post at
 * once, passes are under way when new messages are read, and every user still gets every message
 * once, in the room's order.
 */
class ManyLinksTest extends RunningCoordinator {
  private static final int USERS = 150;
  private static final int SENDERS = 3;
  // Within the default flood burst: a sender that posts more at once is muted.
  private static final int MESSAGES_EACH = 15;

  @Test
  void everyUserGetsEveryMessageOnceAndInTheRoomsOrder() throws Exception {
    start();
    List<RawClient> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add(join("user" + i));
    }

    for (int i = 0; i < MESSAGES_EACH; i++) {
      for (int s = 0; s < SENDERS; s++) {
        users.get(s).send(new Say("m" + s + "-" + i, "from " + s + " number " + i));
      }
    }

    List<String> first = receivedInOrder(users.getFirst());
    assertThat(first).hasSize(SENDERS * MESSAGES_EACH);
    for (RawClient user : users) {
      assertThat(receivedInOrder(user)).isEqualTo(first);
    }
  }

  private static List<String> receivedInOrder(RawClient user) {
    while (user.seen(Message.class).size() < SENDERS * MESSAGES_EACH) {
      user.await(Message.class);
    }
    List<Message> messages = user.seen(Message.class);
    assertThat(messages).extracting(Message::seq).isSorted().doesNotHaveDuplicates();
    return messages.stream().map(m -> m.seq() + " " + m.text()).toList();
  }
}

package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Ack;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Message;
import org.prochat.protocol.Say;

/**
 * With the links spread over several loops, the room still orders everything: every user gets
 * every message once, in the room's order, each sender's messages in the order it sent them; and
 * what the room sends one user after an event (here: "you sent that one already") reaches it after
 * that event, though the event goes out through the link's loop and the reply is written on its own.
 */
class LinkThreadsTest extends RunningCoordinator {
  private static final int USERS = 6;
  private static final int SENDERS = 3;
  private static final int MESSAGES_EACH = 30;

  @Test
  void everyUserGetsEveryMessageOnceInTheRoomsOrder() throws Exception {
    start(settings -> settings.linkThreads(3).flood(new FloodLimits(1_000, 1_000, Duration.ofSeconds(1), 1_000)));
    List<RawClient> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add(join("user" + i));
    }

    for (int m = 0; m < MESSAGES_EACH; m++) {
      for (int s = 0; s < SENDERS; s++) {
        RawClient sender = users.get(s);
        Say say = new Say("m" + m, sender.nick() + " " + m);
        if (m < MESSAGES_EACH - 1) {
          sender.send(say);
        } else {
          // In one write, so the room reads both in one turn: the duplicate's reply follows the event.
          String line = FrameCodec.instance().encodeToString(say) + "\n";
          sender.sendBytes((line + line).getBytes(StandardCharsets.UTF_8));
        }
      }
    }

    List<String> roomOrder = null;
    for (RawClient user : users) {
      List<Message> got = new ArrayList<>();
      for (int i = 0; i < SENDERS * MESSAGES_EACH; i++) {
        got.add(user.await(Message.class));
      }
      assertThat(got).extracting(Message::seq).isSorted().doesNotHaveDuplicates();
      for (int s = 0; s < SENDERS; s++) {
        String from = users.get(s).nick();
        assertThat(got.stream().filter(message -> message.from().equals(from)).map(Message::id))
            .as("%s's messages as %s got them", from, user.nick())
            .containsExactlyElementsOf(ids());
      }
      List<String> order = got.stream().map(message -> message.from() + "/" + message.id()).toList();
      if (roomOrder == null) {
        roomOrder = order;
      }
      assertThat(order).as("the order %s got them in", user.nick()).isEqualTo(roomOrder);
    }
    String last = "m" + (MESSAGES_EACH - 1);
    for (int s = 0; s < SENDERS; s++) {
      RawClient sender = users.get(s);
      Ack duplicate = ack(sender, Ack.Status.DUPLICATE);
      assertThat(duplicate.id()).isEqualTo(last);
      Message own = sender.seen(Message.class).stream()
          .filter(message -> message.from().equals(sender.nick()) && message.id().equals(last)).findFirst().orElseThrow();
      assertThat(duplicate.seq()).isEqualTo(own.seq());
      assertThat(sender.seen().indexOf(own)).as("%s's message before the reply to its duplicate", sender.nick())
          .isLessThan(sender.seen().indexOf(duplicate));
    }
  }

  /** The first ack of {@code status} the user got, whether an earlier wait already passed it or not. */
  private static Ack ack(RawClient user, Ack.Status status) {
    return user.seen(Ack.class).stream().filter(ack -> ack.status() == status).findFirst()
        .orElseGet(() -> user.await(Ack.class, ack -> ack.status() == status));
  }

  private static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (int m = 0; m < MESSAGES_EACH; m++) {
      ids.add("m" + m);
    }
    return ids;
  }
}

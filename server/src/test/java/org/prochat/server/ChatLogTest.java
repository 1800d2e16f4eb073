package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Say;
import org.prochat.protocol.Whisper;

class ChatLogTest extends RunningCoordinator {

  @Test
  void publicAndPrivateMessagesAreLoggedOneLineEachWithTimeKindSenderRecipientAndText() throws Exception {
    start();
    RawClient alice = join("alice");
    join("bob");

    alice.send(new Say("1", "good morning"));
    alice.send(new Whisper("2", "bob", "psst"));
    alice.await(Ack.class, a -> a.id().equals("2"));

    Path log = dataDir.resolve("chat.log");
    List<String[]> lines = Awaitility.await().until(() -> Files.readAllLines(log).stream()
        .map(line -> line.split("\t")).toList(), l -> l.size() == 2);
    assertThat(lines.get(0)).containsExactly(lines.get(0)[0], "public", "alice", "room", "good morning");
    assertThat(lines.get(1)).containsExactly(lines.get(1)[0], "private", "alice", "bob", "psst");
    assertThat(Instant.parse(lines.get(0)[0])).isBeforeOrEqualTo(Instant.parse(lines.get(1)[0]));
  }
}

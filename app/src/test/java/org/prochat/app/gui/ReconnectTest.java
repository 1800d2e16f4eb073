package org.prochat.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.gui.chat.ChatLine;
import org.prochat.app.gui.chat.ChatLine.Kind;
import org.prochat.app.gui.room.ConnectionState;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.client.ChatClient;
import org.prochat.protocol.Ack;

/** The link to the coordinator is cut under the app: it comes back by itself, missing nothing, showing nothing twice. */
class ReconnectTest extends WindowTest {
  @TempDir
  Path dir;

  @Test
  void afterACutLinkTheAppResumesWithEveryMessageOnce() throws Exception {
    try (LiveCoordinator coordinator = LiveCoordinator.start(dir.resolve("coordinator"));
        LinkCutter cable = LinkCutter.to(coordinator.address());
        RunningApp alice = RunningApp.join(dir.resolve("alice"), cable.address(), "alice")) {
      ChatClient bob = ChatClient.connect(coordinator.address(), "bob", new RecordingListener()).join();
      try {
        say(bob, "before", 5);
        alice.awaitLine(line -> line.text().equals("before 4"));

        cable.cut();
        say(bob, "during", 5);
        alice.awaitLine(line -> line.text().equals("Reconnected"));
        say(bob, "after", 5);

        alice.awaitLine(line -> line.text().equals("after 4"));
        List<String> messages = alice.roomLines().stream().filter(line -> line.kind() == Kind.MESSAGE)
            .map(ChatLine::text).toList();
        assertThat(messages).containsExactlyElementsOf(IntStream.range(0, 15)
            .mapToObj(i -> List.of("before", "during", "after").get(i / 5) + " " + i % 5).toList());
        var room = alice.awaitRoom();
        assertThat(RunningApp.onFx(() -> room.model().status().stateProperty().get()))
            .isEqualTo(ConnectionState.CONNECTED);
      } finally {
        bob.quit();
      }
    }
  }

  private static void say(ChatClient client, String prefix, int count) {
    CompletableFuture<?>[] acks = IntStream.range(0, count).mapToObj(i -> client.say(prefix + " " + i))
        .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(acks).join();
    assertThat(acks).allSatisfy(ack -> assertThat(((Ack) ack.join()).status()).isEqualTo(Ack.Status.POSTED));
  }
}

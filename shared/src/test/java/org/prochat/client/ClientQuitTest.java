package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Bye;

/**
 * How a quitting client leaves its link. The coordinator may still be writing to a client that says
 * goodbye (a checkpoint, a pong) before it reads that goodbye. A socket closed with such data unread
 * or still on its way answers with a reset, the coordinator's next write fails, and it drops the link
 * with the goodbye unread: the room then announces the user lost after the grace period instead of
 * gone with their reason. So after the goodbye the client shuts its side and reads on until the
 * coordinator closes the link.
 */
class ClientQuitTest {
  private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final List<String> heard = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopLoop() {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  @Test
  void afterTheGoodbyeTheClientReadsOnUntilTheCoordinatorClosesTheLink() throws Exception {
    try (GoodbyeCoordinator coordinator = new GoodbyeCoordinator()) {
      ChatClient carol = connect(coordinator);

      CompletableFuture<Void> quitting = carol.quit("lunch");

      assertThat(coordinator.read()).isEqualTo(new Bye(GoodbyeCoordinator.SID, "lunch"));
      assertThat(coordinator.read()).as("the client's side shut after the goodbye").isNull();
      loop.submit(() -> { }).get(5, TimeUnit.SECONDS); // what the goodbye set off on the client's loop has run
      assertThat(quitting).as("still reading what the coordinator sends").isNotDone();
      coordinator.sendSealed(new Bye(GoodbyeCoordinator.SID, "lunch")); // its answer, then it closes
      coordinator.close();
      assertThat(quitting).succeedsWithin(Duration.ofSeconds(5));
      assertThat(heard).containsExactly("disconnected lunch requested=true");
    }
  }

  @Test
  void aCoordinatorThatNeverClosesTheLinkAfterTheGoodbyeIsLeftAfterTheGoodbyeTimeout() throws Exception {
    try (GoodbyeCoordinator coordinator = new GoodbyeCoordinator()) {
      ChatClient carol = connect(coordinator);

      CompletableFuture<Void> quitting = carol.quit("lunch");

      assertThat(coordinator.read()).isEqualTo(new Bye(GoodbyeCoordinator.SID, "lunch"));
      assertThat(quitting).succeedsWithin(LinkKeeper.GOODBYE_TIMEOUT.plusSeconds(5));
      assertThat(heard).containsExactly("disconnected lunch requested=true");
    }
  }

  /** Connects a client on this test's loop and has the stand-in welcome it; only its goodbye is heard from then on. */
  private ChatClient connect(GoodbyeCoordinator coordinator) throws Exception {
    CompletableFuture<ChatClient> connecting = ChatClient.connect(coordinator.address(), "carol",
        new DescribingListener(heard), ChatClientOptions.DEFAULTS.withEventLoopGroup(loop));
    coordinator.welcome("carol");
    ChatClient client = connecting.get(10, TimeUnit.SECONDS);
    loop.submit(() -> { }).get(5, TimeUnit.SECONDS); // the welcome's last calls to the listener are done
    heard.clear();
    return client;
  }
}

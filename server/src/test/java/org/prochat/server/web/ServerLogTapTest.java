package org.prochat.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lines written to standard error reach the web view and still reach standard error. */
class ServerLogTapTest {
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private ServerLogTap.Subscription subscription;

  @BeforeEach
  void captureStandardError() {
    originalErr = System.err;
    System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    subscription = ServerLogTap.subscribe(heard::add);
  }

  @AfterEach
  void restoreStandardError() {
    subscription.close();
    System.setErr(originalErr);
  }

  @Test
  void eachLineReachesTheListenerAndTheOriginalStream() {
    System.err.println("2026-01-01 10:00:00 INFO Room - alice joined");
    System.err.print("two lines\r\nin one write\n");

    assertThat(heard).containsExactly("2026-01-01 10:00:00 INFO Room - alice joined", "two lines", "in one write");
    assertThat(console.toString(StandardCharsets.UTF_8))
        .isEqualTo("2026-01-01 10:00:00 INFO Room - alice joined" + System.lineSeparator() + "two lines\r\nin one write\n");
  }

  @Test
  void aLineIsPassedOnlyOnceItIsComplete() {
    System.err.print("half a ");
    assertThat(heard).isEmpty();

    System.err.print("line\n");
    assertThat(heard).containsExactly("half a line");
  }

  @Test
  void anOverlongLineIsCut() {
    System.err.print("x".repeat(ServerLogTap.MAX_LINE_BYTES + 100) + "\n");

    assertThat(heard).singleElement().asString().hasSize(ServerLogTap.MAX_LINE_BYTES);
  }

  @Test
  void aClosedSubscriptionHearsNothingMore() {
    subscription.close();

    System.err.println("after closing");

    assertThat(heard).isEmpty();
  }

  @Test
  void whenSomethingElseReplacesStandardErrorTheNextSubscriptionWrapsItToo() {
    ByteArrayOutputStream other = new ByteArrayOutputStream();
    System.setErr(new PrintStream(other, true, StandardCharsets.UTF_8));
    List<String> later = new CopyOnWriteArrayList<>();

    try (ServerLogTap.Subscription second = ServerLogTap.subscribe(later::add)) {
      System.err.println("seen by both");
    }

    assertThat(later).containsExactly("seen by both");
    assertThat(heard).containsExactly("seen by both");
    assertThat(other.toString(StandardCharsets.UTF_8)).contains("seen by both");
  }
}

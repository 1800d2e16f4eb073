package org.prochat.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.console.ConsoleStreams;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.app.trust.ProfileTrust;
import org.prochat.client.ChatClient;
import org.prochat.crypto.IdentityKey;
import org.prochat.protocol.Message;

/** The command line, run in-process as a shell would run the jar. */
class AppMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** The user's profile: settings, pins and whisper key, never the real one's. */
  @TempDir
  Path profile;

  @Test
  void echoIntoTheConsolePostsTheLineAndExitsZeroOnceItIsAcked(@TempDir Path dataDir) throws Exception {
    try (LiveCoordinator coordinator = LiveCoordinator.start(dataDir)) {
      RecordingListener bob = new RecordingListener();
      ChatClient.connect(coordinator.address(), "bob", bob).join();

      int status = run("build done\n", "--console", "--server", coordinator.address().toString(), "--nick", "ci");

      assertThat(status).isZero();
      assertThat(errLines()).isEmpty();
      assertThat(bob.awaitMessage("build done").event()).extracting(e -> ((Message) e).from()).isEqualTo("ci");
      assertThat(outLines()).contains("* you are ci", "* also here: bob");
    }
  }

  @Test
  void aChangedIdentityIsRefusedUntilTheUserRunsAgainWithAcceptNewIdentity(@TempDir Path dataDir) throws Exception {
    try (LiveCoordinator coordinator = LiveCoordinator.start(dataDir)) {
      String server = coordinator.address().toString();
      Files.writeString(profile.resolve("identity-pins.properties"),
          server.replace(":", "\\:") + "=" + IdentityKey.generate().publicKey() + "\n");

      assertThat(run("", "--console", "--server", server, "--nick", "ci")).isEqualTo(1);
      assertThat(errLines()).first().asString().contains("WARNING", "identity", server);
      assertThat(errLines()).last().asString().endsWith("run again with --accept-new-identity.");

      assertThat(run("hello\n", "--console", "--server", server, "--nick", "ci", "--accept-new-identity")).isZero();
      assertThat(ProfileTrust.load(profile.resolve("settings.properties")).pins().pinned(coordinator.address()))
          .contains(coordinator.identity().publicKey());
      assertThat(outLines()).anyMatch(line -> line.startsWith("* you are ci"));
    }
  }

  @Test
  void helpListsTheOptions() {
    assertThat(run("", "--help")).isZero();

    assertThat(String.join("\n", outLines())).contains("--console", "--server", "--nick", "--help");
  }

  @Test
  void aBadServerAddressExitsWithStatus2AndOneLineSayingWhy() {
    assertThat(run("", "--console", "--server", "localhost:http")).isEqualTo(2);

    assertThat(errLines()).singleElement().asString().contains("--server").contains("the port must be a number");
  }

  @Test
  void aBadNicknameExitsWithStatus2AndOneLineSayingWhyBeforeConnecting() {
    assertThat(run("", "--console", "--server", "127.0.0.1:1", "--nick", "two words")).isEqualTo(2);

    assertThat(errLines()).singleElement().asString().contains("--nick").contains("spaces");
  }

  @Test
  void anUnknownOptionExitsWithStatus2AndOneLine() {
    assertThat(run("", "--colour")).isEqualTo(2);

    assertThat(errLines()).singleElement().asString().contains("--colour");
  }

  private int run(String input, String... args) {
    ConsoleStreams streams = new ConsoleStreams(new StringReader(input), printer(out), printer(err), false);
    return AppMain.run(args, streams, profile.resolve("settings.properties"));
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private List<String> errLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static PrintStream printer(ByteArrayOutputStream sink) {
    return new PrintStream(sink, true, StandardCharsets.UTF_8);
  }
}

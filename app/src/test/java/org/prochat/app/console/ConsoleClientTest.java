package org.prochat.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.app.testkit.RecordingListener.Seen;
import org.prochat.app.trust.ProfileTrust;
import org.prochat.app.trust.ServerKeyChange;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ClientTrust;
import org.prochat.client.ServerAddress;
import org.prochat.crypto.IdentityKey;
import org.prochat.crypto.PublicKeys;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;

/** The console client in piped mode against a real coordinator, with a {@link ChatClient} on the other side. */
class ConsoleClientTest {
  @TempDir
  Path dataDir;

  private LiveCoordinator coordinator;
  private final List<ChatClient> others = new ArrayList<>();

  @BeforeEach
  void startCoordinator() throws Exception {
    coordinator = LiveCoordinator.start(dataDir);
  }

  @AfterEach
  void stopEverything() {
    others.forEach(ChatClient::quit);
    coordinator.close();
  }

  @Test
  void everyEventIsPrintedOnItsOwnLineInTheDocumentedFormat() throws Exception {
    ChatClient bob = join("bob", new RecordingListener());
    RunningConsole alice = console(coordinator.address(), "alice");
    alice.awaitLine("\\* you are alice");
    alice.awaitLine("\\* also here: bob");

    bob.say("hi alice").join();
    alice.awaitLine("\\d\\d:\\d\\d:\\d\\d <bob> hi alice");
    bob.whisper("alice", "psst").join();
    alice.awaitLine("\\[whisper from bob] psst");
    join("carol", new RecordingListener()).quit("lunch").join();
    alice.awaitLine("\\* carol joined");
    alice.awaitLine("\\* carol left \\(lunch\\)");
    alice.type("/msg nobody hello?");
    alice.awaitLine("! .*nobody.*");
    alice.type("/help");
    alice.awaitLine("-!- .*/quit.*");
    alice.endInput();

    assertThat(alice.awaitExit()).isZero();
    assertThat(alice.errLines()).isEmpty();
  }

  @Test
  void typedLinesArePostedAndCommandsRunByTheCoordinator() throws Exception {
    RecordingListener bob = new RecordingListener();
    join("bob", bob);
    RunningConsole alice = console(coordinator.address(), "alice");

    alice.type("hello bob");
    alice.type("/online");

    alice.awaitLine("-!- Online \\(2\\): alice, bob");
    assertThat(bob.awaitMessage("hello bob").event()).extracting(e -> ((Message) e).from()).isEqualTo("alice");
    alice.endInput();
    assertThat(alice.awaitExit()).isZero();
  }

  @Test
  void aTakenNicknameIsAnnounced() throws Exception {
    join("alice", new RecordingListener());

    RunningConsole second = console(coordinator.address(), "alice");

    second.awaitLine("\\* you are alice\\d+ \\(alice was taken\\)");
    second.endInput();
    assertThat(second.awaitExit()).isZero();
  }

  @Test
  void quitLeavesWithItsReasonOnceEverythingBeforeItIsPostedAndReadsNoFurther() throws Exception {
    RecordingListener bob = new RecordingListener();
    join("bob", bob);

    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    ConsoleStreams piped = new ConsoleStreams(
        new StringReader("first\nsecond\n/quit gone fishing\nnever sent\n"), discard, discard, false);

    int status = client(piped, ConsoleClient.DEFAULT_DRAIN_TIMEOUT).run(coordinator.address(), "alice");

    assertThat(status).isZero();
    bob.awaitFirst(Seen.class, s -> s.event() instanceof Leave l && l.reason().equals("gone fishing"));
    assertThat(bob.messages()).extracting(Message::text).containsExactly("first", "second");
  }

  @Test
  void whenTheCoordinatorEndsTheSessionTheConsoleSaysWhyAndExitsWithStatus1() throws Exception {
    RunningConsole alice = console(coordinator.address(), "alice");
    alice.awaitLine("\\* you are alice");

    coordinator.close();

    assertThat(alice.awaitExit()).isEqualTo(1);
    assertThat(alice.outLines()).last().asString().startsWith("* disconnected (").contains("shutting down");
  }

  @Test
  void anUnreachableCoordinatorIsOneLineOnStandardErrorAndStatus1() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }

    RunningConsole alice = console(new ServerAddress("127.0.0.1", closedPort), "alice");

    assertThat(alice.awaitExit()).isEqualTo(1);
    assertThat(alice.errLines()).singleElement().asString()
        .startsWith("prochat-app: cannot connect to 127.0.0.1:" + closedPort);
  }

  @Test
  void aRefusedNicknameIsOneLineOnStandardErrorAndStatus1() throws Exception {
    RunningConsole mallory = console(coordinator.address(), "*mallory");

    assertThat(mallory.awaitExit()).isEqualTo(1);
    assertThat(mallory.errLines()).singleElement().asString().contains("refused").contains("*");
  }

  @Test
  void acksThatNeverComeEndTheConsoleWithStatus1AfterTheDrainTimeout() throws Exception {
    try (SilentCoordinator silent = new SilentCoordinator()) {
      RunningConsole alice = new RunningConsole(
          streams -> client(streams, Duration.ofSeconds(1)).run(silent.address(), "alice"));

      alice.type("is anybody there?");
      alice.endInput();

      assertThat(alice.awaitExit()).isEqualTo(1);
      assertThat(alice.errLines()).singleElement().asString().contains("did not confirm").contains("1 s");
    }
  }

  @Test
  void theCoordinatorsFingerprintIsPrintedPinnedOnFirstContactAndMatchedOnTheNextRun(@TempDir Path profile)
      throws Exception {
    String fingerprint = coordinator.identity().fingerprint();

    RunningConsole first = console(coordinator.address(), "alice", ProfileTrust.load(settingsIn(profile)), Set.of());
    first.awaitLine(Pattern.quote("* coordinator identity " + fingerprint + " (first contact: pinned)"));
    first.endInput();
    assertThat(first.awaitExit()).isZero();
    RunningConsole next = console(coordinator.address(), "alice", ProfileTrust.load(settingsIn(profile)), Set.of());

    next.awaitLine(Pattern.quote("* coordinator identity " + fingerprint + " (matches the pinned one)"));
    next.endInput();
    assertThat(next.awaitExit()).isZero();
  }

  @Test
  void aChangedIdentityIsRefusedWithAWarningShowingBothFingerprintsAndStatus1(@TempDir Path profile) throws Exception {
    String other = pinAnotherIdentity(profile);

    RunningConsole alice = console(coordinator.address(), "alice", ProfileTrust.load(settingsIn(profile)), Set.of());

    assertThat(alice.awaitExit()).isEqualTo(1);
    assertThat(alice.errLines()).first().asString().isEqualTo("prochat-app: WARNING: the identity of the coordinator at "
        + coordinator.address() + " has changed! Not connecting.");
    assertThat(String.join("\n", alice.errLines())).contains("trusted until now: " + PublicKeys.fingerprint(other),
        "presented now:     " + coordinator.identity().fingerprint(), "run again with --accept-new-identity");
    assertThat(alice.outLines()).noneMatch(line -> line.startsWith("* you are"));
    assertThat(ProfileTrust.load(settingsIn(profile)).pins().pinned(coordinator.address())).contains(other);
  }

  @Test
  void anAcceptedNewIdentityIsPinnedInPlaceOfTheOldAndTheConsoleConnects(@TempDir Path profile) throws Exception {
    pinAnotherIdentity(profile);

    RunningConsole alice = console(coordinator.address(), "alice", ProfileTrust.load(settingsIn(profile)),
        Set.of(ServerKeyChange.Kind.IDENTITY));

    alice.awaitLine(Pattern.quote("* accepted the new identity of " + coordinator.address() + ": "
        + coordinator.identity().fingerprint()));
    // The refused attempt was welcomed before it checked the identity: the coordinator keeps that
    // session through its grace period, so the name may still be taken by it.
    alice.awaitLine("\\* you are alice(\\d+ \\(alice was taken\\))?");
    alice.endInput();
    assertThat(alice.awaitExit()).isZero();
    assertThat(ProfileTrust.load(settingsIn(profile)).pins().pinned(coordinator.address()))
        .contains(coordinator.identity().publicKey());
  }

  /** As if this user had met another coordinator at the same address before; returns its key. */
  private String pinAnotherIdentity(Path profile) throws Exception {
    String other = IdentityKey.generate().publicKey();
    ProfileTrust.load(settingsIn(profile)).pins().pin(coordinator.address(), other);
    return other;
  }

  private static Path settingsIn(Path profile) {
    return profile.resolve("settings.properties");
  }

  private RunningConsole console(ServerAddress server, String nick) {
    return new RunningConsole(streams -> client(streams, ConsoleClient.DEFAULT_DRAIN_TIMEOUT).run(server, nick));
  }

  private RunningConsole console(ServerAddress server, String nick, ClientTrust trust,
      Set<ServerKeyChange.Kind> accepted) {
    return new RunningConsole(streams -> new ConsoleClient(streams, ChatClientOptions.DEFAULTS.withTrust(trust),
        ConsoleClient.DEFAULT_DRAIN_TIMEOUT, ZoneId.systemDefault(), accepted).run(server, nick));
  }

  private static ConsoleClient client(ConsoleStreams streams, Duration drainTimeout) {
    return new ConsoleClient(streams, ChatClientOptions.DEFAULTS, drainTimeout, ZoneId.systemDefault(), Set.of());
  }

  private ChatClient join(String nick, RecordingListener listener) {
    ChatClient client = ChatClient.connect(coordinator.address(), nick, listener).join();
    others.add(client);
    return client;
  }
}

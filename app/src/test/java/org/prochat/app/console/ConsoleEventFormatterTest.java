package org.prochat.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prochat.app.trust.ServerKeyChange;
import org.prochat.client.LinkSecurity;
import org.prochat.client.ServerAddress;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.protocol.Presence;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;
import org.prochat.tls.CertificateFingerprint;

class ConsoleEventFormatterTest {
  private static final long AT_13_01_01 = Instant.parse("2026-01-15T13:01:01Z").toEpochMilli();

  private final ConsoleEventFormatter format = new ConsoleEventFormatter(ZoneOffset.UTC);

  @Test
  void aMessageShowsTheCoordinatorsTimeAndTheSender() {
    assertThat(format.roomEvent(new Message(3, AT_13_01_01, "alice", "a-1", "build done")))
        .isEqualTo("13:01:01 <alice> build done");
  }

  @Test
  void joinsAndLeavesAreStarLines() {
    assertThat(format.roomEvent(new Join(4, 0, "carol"))).isEqualTo("* carol joined");
    assertThat(format.roomEvent(new Leave(5, 0, "carol", "connection lost"))).isEqualTo("* carol left (connection lost)");
  }

  @Test
  void aBigRoomsJoinsAndLeavesAreOneStarLine() {
    Presence presence = new Presence(6, 0, List.of(new Presence.Joined("dave", null), new Presence.Joined("erin", null),
        new Presence.Joined("frank", null), new Presence.Joined("gina", null)), List.of(new Presence.Left("carol", "quit")));

    assertThat(format.roomEvent(presence)).isEqualTo("* dave, erin and 2 others joined; carol left (quit)");
  }

  @Test
  void aWhisperNamesItsSenderAndAKeptOneWhenItWasSent() throws Exception {
    assertThat(format.privateMessage(whisper(false))).isEqualTo("[whisper from bob] psst");
    assertThat(format.privateMessage(whisper(true))).isEqualTo("[whisper from bob, 13:01:01] psst");
  }

  @Test
  void everyLineOfANoticeIsOneOutputLine() {
    assertThat(format.notice(new Notice(null, "Commands:\n  /help  this list")))
        .containsExactly("-!- Commands:", "-!-   /help  this list");
  }

  @Test
  void anErrorShowsItsMessage() {
    assertThat(format.error(ErrorFrame.of(ErrorCode.MUTED, "you are muted for 30 s"))).isEqualTo("! you are muted for 30 s");
  }

  @Test
  void theWelcomeSaysWhenTheAskedNicknameWasTaken() throws Exception {
    assertThat(format.welcome(welcome("alice482"), "alice")).isEqualTo("* you are alice482 (alice was taken)");
    assertThat(format.welcome(welcome("alice"), "alice")).isEqualTo("* you are alice");
  }

  @Test
  void theUserSnapshotListsTheOthers() {
    assertThat(format.users(new Users(null, 3, List.of("bob", "carol")))).isEqualTo("* also here: bob, carol");
    assertThat(format.users(new Users(null, 3, List.of()))).isEqualTo("* nobody else is here");
  }

  // Built from wire lines: these records gain fields as the protocol grows.
  private static PrivateMessage whisper(boolean stored) throws FrameDecodingException {
    return (PrivateMessage) FrameCodec.instance().decode("{\"type\":\"private\",\"ts\":" + AT_13_01_01
        + ",\"from\":\"bob\",\"to\":\"alice\",\"text\":\"psst\",\"stored\":" + stored + "}");
  }

  private static Welcome welcome(String nick) throws FrameDecodingException {
    return (Welcome) FrameCodec.instance().decode("{\"type\":\"welcome\",\"v\":1,\"sid\":\"s1\",\"nick\":\"" + nick + "\",\"seq\":0}");
  }

  @Test
  void theRouteSaysDirectOrViaWhichUser() {
    assertThat(format.route(null)).isEqualTo("* connected directly to the coordinator");
    assertThat(format.route("bob")).isEqualTo("* connected via bob");
  }

  @Test
  void aLostLinkSaysWhenTheNextTryComes() {
    assertThat(format.reconnecting(2, java.time.Duration.ofMillis(750)))
        .isEqualTo("* connection lost; reconnecting in 0.8 s (attempt 2)");
  }

  @Test
  void theLinkSaysWhetherItIsEncryptedAndWithWhichCertificate() {
    CertificateFingerprint fingerprint = CertificateFingerprint.parse("3A:F1:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:09");

    assertThat(format.linkSecurity(new LinkSecurity(true, fingerprint)))
        .isEqualTo("* link: TLS, certificate SHA-256 3A:F1:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:09");
    assertThat(format.linkSecurity(LinkSecurity.PLAIN)).isEqualTo("* link: plain text (not encrypted)");
  }

  @Test
  void theCoordinatorsIdentitySaysWhetherItWasPinnedNowOrMatchedThePin() {
    assertThat(format.serverIdentity("3f:a0:11", true)).isEqualTo("* coordinator identity 3f:a0:11 (first contact: pinned)");
    assertThat(format.serverIdentity("3f:a0:11", false)).isEqualTo("* coordinator identity 3f:a0:11 (matches the pinned one)");
  }

  @Test
  void aChangedIdentityIsALoudWarningWithBothFingerprintsAndTheOptionThatAcceptsIt() {
    ServerKeyChange change = new ServerKeyChange(ServerKeyChange.Kind.IDENTITY, new ServerAddress("chat.lan", 9090),
        "3f:a0:11", "9b:07:22", () -> {});

    assertThat(format.keyChanged(change).lines()).containsExactly(
        "WARNING: the identity of the coordinator at chat.lan:9090 has changed! Not connecting.",
        "  trusted until now: 3f:a0:11",
        "  presented now:     9b:07:22",
        "The coordinator may have been reinstalled, or someone may be impersonating it.",
        "If the server's admin confirms the new fingerprint, run again with --accept-new-identity.");
    assertThat(format.keyAccepted(change)).isEqualTo("* accepted the new identity of chat.lan:9090: 9b:07:22");
  }

  @Test
  void aChangedCertificateNamesItsOwnOption() {
    ServerKeyChange change = new ServerKeyChange(ServerKeyChange.Kind.CERTIFICATE, new ServerAddress("chat.lan", 9090),
        "3A:F1", "0C:22", () -> {});

    assertThat(format.keyChanged(change).lines()).first().isEqualTo(
        "WARNING: the certificate of chat.lan:9090 has changed! Not connecting.");
    assertThat(format.keyChanged(change)).endsWith("run again with --accept-new-certificate.");
  }
}

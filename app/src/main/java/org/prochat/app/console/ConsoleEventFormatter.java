package org.prochat.app.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.prochat.app.trust.ServerKeyChange;
import org.prochat.client.LinkSecurity;
import org.prochat.client.PresenceSummary;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.protocol.Presence;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.RoomEvent;
import org.prochat.protocol.Users;
import org.prochat.protocol.Welcome;

/**
 * How the console shows what happens, one line per event (a notice: one per line of its text).
 * These lines are the console's output format, which scripts may read:
 * <pre>
 * 14:02:07 &lt;alice&gt; text      a message, at the coordinator's time
 * * alice joined
 * * alice left (reason)
 * * alice, bob and 38 others joined; carol left (reason)    a big room's joins and leaves together
 * [whisper from bob] text
 * -!- text                    a notice line, such as command output
 * ! text                      an error
 * * you are alice482 (alice was taken)
 * * coordinator identity 3f:a0:… (first contact: pinned)
 * </pre>
 */
final class ConsoleEventFormatter {
  private final DateTimeFormatter time;

  /** @param zone the time zone for message times */
  ConsoleEventFormatter(ZoneId zone) {
    this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
  }

  String welcome(Welcome welcome, String askedNick) {
    return welcome.nick().equals(askedNick)
        ? "* you are " + welcome.nick()
        : "* you are " + welcome.nick() + " (" + askedNick + " was taken)";
  }

  /** The snapshot leaves out the joining user, who is announced by their own join right after. */
  String users(Users users) {
    return users.nicks().isEmpty() ? "* nobody else is here" : "* also here: " + String.join(", ", users.nicks());
  }

  String roomEvent(RoomEvent event) {
    return switch (event) {
      case Message message -> time(message.ts()) + " <" + message.from() + "> " + message.text();
      case Join join -> "* " + join.nick() + " joined";
      case Leave leave -> "* " + leave.nick() + " left (" + leave.reason() + ")";
      case Presence presence -> "* " + PresenceSummary.of(presence);
    };
  }

  /** A whisper kept while this user was away shows when it was sent. */
  String privateMessage(PrivateMessage message) {
    String from = message.stored() ? message.from() + ", " + time(message.ts()) : message.from();
    return "[whisper from " + from + "] " + message.text();
  }

  List<String> notice(Notice notice) {
    return notice.text().lines().map(line -> "-!- " + line).toList();
  }

  String error(ErrorFrame error) {
    return "! " + error.message();
  }

  /** Where this client's messages go: straight to the coordinator, or through another user's computer. */
  String route(String parentNick) {
    return parentNick == null ? "* connected directly to the coordinator" : "* connected via " + parentNick;
  }

  /** The coordinator's identity fingerprint, for the user to compare with the one its admin has. */
  String serverIdentity(String fingerprint, boolean firstContact) {
    return "* coordinator identity " + fingerprint
        + (firstContact ? " (first contact: pinned)" : " (matches the pinned one)");
  }

  /** The warning when a server's key changed: loud, both fingerprints, and how to go on. */
  String keyChanged(ServerKeyChange change) {
    return String.join(System.lineSeparator(),
        "WARNING: " + change.subject() + " has changed! Not connecting.",
        "  trusted until now: " + change.pinned(),
        "  presented now:     " + change.presented(),
        change.risk(),
        "If the server's admin confirms the new fingerprint, run again with " + acceptOption(change.kind()) + ".");
  }

  String keyAccepted(ServerKeyChange change) {
    return "* accepted the new " + change.kind().noun() + " of " + change.server() + ": " + change.presented();
  }

  private static String acceptOption(ServerKeyChange.Kind kind) {
    return switch (kind) {
      case CERTIFICATE -> ConsoleClient.ACCEPT_NEW_CERTIFICATE;
      case IDENTITY -> ConsoleClient.ACCEPT_NEW_IDENTITY;
    };
  }

  /** "* link: TLS, certificate SHA-256 3A:F1:…" or "* link: plain text (not encrypted)". */
  String linkSecurity(LinkSecurity security) {
    return security.tls() ? "* link: TLS, certificate SHA-256 " + security.fingerprint()
        : "* link: plain text (not encrypted)";
  }

  String reconnecting(int attempt, Duration retryIn) {
    return String.format(Locale.ROOT, "* connection lost; reconnecting in %.1f s (attempt %d)",
        retryIn.toMillis() / 1000.0, attempt);
  }

  String reconnected(Welcome welcome) {
    return welcome.resumed() ? "* reconnected" : "* reconnected as " + welcome.nick();
  }

  String disconnected(String reason) {
    return "* disconnected (" + reason + ")";
  }

  private String time(long epochMillis) {
    return time.format(Instant.ofEpochMilli(epochMillis));
  }
}

package org.prochat.app.trust;

import java.io.IOException;
import java.util.Objects;
import org.prochat.client.ServerAddress;

/**
 * A server presented another key than the one pinned for it, so the app did not connect: its TLS
 * certificate or its coordinator identity changed. Either its admin replaced it (reinstalled the
 * coordinator, new data directory, new certificate) or someone is in between. The apps warn with
 * both fingerprints and connect only once the user accepts the new key ({@link #accept}).
 *
 * @param kind which key changed
 * @param pinned the fingerprint trusted until now
 * @param presented the fingerprint of the key the server presented instead
 */
public record ServerKeyChange(Kind kind, ServerAddress server, String pinned, String presented, Acceptance acceptance) {
  /** Which of a server's keys changed, and how to speak of it. */
  public enum Kind {
    CERTIFICATE("certificate", "the certificate of %s", "Someone may be between you and the server."),
    IDENTITY("identity", "the identity of the coordinator at %s",
        "The coordinator may have been reinstalled, or someone may be impersonating it.");

    private final String noun;
    private final String subject;
    private final String risk;

    Kind(String noun, String subject, String risk) {
      this.noun = noun;
      this.subject = subject;
      this.risk = risk;
    }

    /** "certificate" or "identity". */
    public String noun() {
      return noun;
    }
  }

  /** Trusts the presented key from now on. */
  @FunctionalInterface
  public interface Acceptance {
    /** @throws IOException when the pin can't be written (it holds for this run anyway) */
    void accept() throws IOException;
  }

  public ServerKeyChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(pinned, "pinned");
    Objects.requireNonNull(presented, "presented");
    Objects.requireNonNull(acceptance, "acceptance");
  }

  /** "the identity of the coordinator at chat.lan:9090", to start a sentence with. */
  public String subject() {
    return kind.subject.formatted(server);
  }

  /** What the change may mean, as a sentence. */
  public String risk() {
    return kind.risk;
  }

  /**
   * Pins the presented key for the server in place of the old one: call only once the user checked
   * its fingerprint with the server's admin, or decided to trust it anyway.
   *
   * @throws IOException when the pin can't be written (it holds for this run anyway)
   */
  public void accept() throws IOException {
    acceptance.accept();
  }
}

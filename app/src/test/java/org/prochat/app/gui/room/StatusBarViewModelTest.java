package org.prochat.app.gui.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.prochat.app.gui.TestClock;
import org.prochat.client.LinkSecurity;
import org.prochat.tls.CertificateFingerprint;

class StatusBarViewModelTest {
  private final TestClock clock = new TestClock();
  private final StatusBarViewModel status = new StatusBarViewModel(clock, true);

  @Test
  void connectedShowsTheNameAndTheRouteWithItsRoundTrip() {
    status.connected("alice");
    status.routed("bob");
    status.measured(Optional.of(Duration.ofMillis(3)));

    assertThat(status.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(status.stateTextProperty().get()).isEqualTo("Connected as alice");
    assertThat(status.routeTextProperty().get()).isEqualTo("via bob · 3 ms");
    status.routed(null);
    assertThat(status.routeTextProperty().get()).isEqualTo("direct · 3 ms");
  }

  @Test
  void reconnectingCountsDown() {
    status.connected("alice");
    status.reconnecting(2, Duration.ofSeconds(3));
    assertThat(status.stateTextProperty().get()).isEqualTo("Reconnecting in 3 s (attempt 2)");
    assertThat(status.routeTextProperty().get()).isEmpty();

    clock.advance(Duration.ofMillis(1500));
    status.tick();
    assertThat(status.stateTextProperty().get()).isEqualTo("Reconnecting in 2 s (attempt 2)");

    clock.advance(Duration.ofSeconds(2));
    status.tick();
    assertThat(status.stateTextProperty().get()).isEqualTo("Reconnecting… (attempt 2)");
  }

  @Test
  void disconnectedSaysWhy() {
    status.disconnected("server shutting down");

    assertThat(status.stateTextProperty().get()).isEqualTo("Disconnected (server shutting down)");
  }

  @Test
  void relayingCountsUsersOrSaysItIsOff() {
    status.relaying(1);
    assertThat(status.relayTextProperty().get()).isEqualTo("Relaying for 1 user");
    status.relaying(3);
    assertThat(status.relayTextProperty().get()).isEqualTo("Relaying for 3 users");
    assertThat(new StatusBarViewModel(clock, false).relayTextProperty().get()).isEqualTo("Not relaying");
  }

  @Test
  void theLinksSecurityShowsAsTlsWithItsCertificateOrAsPlain() {
    status.secured(new LinkSecurity(true, CertificateFingerprint.parse("3A:F1:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:09")));
    assertThat(status.securityTextProperty().get()).isEqualTo("TLS");
    assertThat(status.securityDetailProperty().get()).endsWith("3A:F1:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:09");

    status.secured(LinkSecurity.PLAIN);
    assertThat(status.securityTextProperty().get()).isEqualTo("plain");
  }

  @Test
  void theDetailShowsTheCoordinatorsIdentityAboveTheLinksProtection() {
    status.identified("3f:a0:11", true);
    assertThat(status.securityDetailProperty().get()).isEqualTo("Coordinator identity 3f:a0:11 (new: trusted from now on)");

    status.secured(LinkSecurity.PLAIN);
    status.identified("3f:a0:11", false);

    assertThat(status.securityDetailProperty().get()).isEqualTo("""
        Coordinator identity 3f:a0:11 (the one trusted before)
        Not encrypted: anyone on the network can read this link""");
  }
}

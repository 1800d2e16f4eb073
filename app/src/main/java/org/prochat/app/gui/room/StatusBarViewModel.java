package org.prochat.app.gui.room;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.prochat.client.LinkSecurity;

/**
 * What the status bar says: the connection state (with a countdown while reconnecting), the route to
 * the coordinator with its round trip ("direct · 2 ms", "via bob · 3 ms"), how the link is protected
 * (with the coordinator's identity and the certificate in the detail), and how many users this
 * computer relays for.
 *
 * <p>The countdown and the measurements are pulled, not pushed: the view calls {@link #tick()} and
 * feeds {@link #measured} and {@link #relaying} every second or so.
 *
 * <p><b>Threading:</b> confined to the JavaFX thread (or a test's thread).
 */
public final class StatusBarViewModel {
  private final InstantSource clock;
  private final boolean relays;
  private final ReadOnlyObjectWrapper<ConnectionState> state =
      new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.CONNECTING);
  private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "Connecting…");
  private final ReadOnlyStringWrapper routeText = new ReadOnlyStringWrapper(this, "routeText", "");
  private final ReadOnlyStringWrapper relayText = new ReadOnlyStringWrapper(this, "relayText", "");
  private final ReadOnlyStringWrapper securityText = new ReadOnlyStringWrapper(this, "securityText", "");
  private final ReadOnlyStringWrapper securityDetail = new ReadOnlyStringWrapper(this, "securityDetail", "");
  private String identityLine = "";
  private String linkLine = "";
  private String nick = "";
  private String disconnectReason = "";
  private String parentNick;
  private Duration roundTrip;
  private int attempt;
  private Instant retryAt;

  /** @param relays whether this computer offered to relay for others */
  public StatusBarViewModel(InstantSource clock, boolean relays) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.relays = relays;
    relaying(0);
  }

  public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** "Connected as alice", "Reconnecting in 3 s (attempt 2)", "Disconnected (server shutting down)". */
  public ReadOnlyStringProperty stateTextProperty() {
    return stateText.getReadOnlyProperty();
  }

  /** "direct · 2 ms", "via bob", or empty while not connected. */
  public ReadOnlyStringProperty routeTextProperty() {
    return routeText.getReadOnlyProperty();
  }

  /** "Relaying for 2 users", "Relaying for nobody yet", or "Not relaying". */
  public ReadOnlyStringProperty relayTextProperty() {
    return relayText.getReadOnlyProperty();
  }

  /** "TLS" or "plain", or empty before the first link is up. */
  public ReadOnlyStringProperty securityTextProperty() {
    return securityText.getReadOnlyProperty();
  }

  /**
   * For a tooltip: the coordinator's identity fingerprint (for the user to compare with the admin's),
   * and the certificate's fingerprint or that the link is not encrypted; one line each.
   */
  public ReadOnlyStringProperty securityDetailProperty() {
    return securityDetail.getReadOnlyProperty();
  }

  /** @param security how the link the client now speaks through is protected */
  void secured(LinkSecurity security) {
    securityText.set(security.tls() ? "TLS" : "plain");
    linkLine = security.tls() ? "Encrypted (TLS); certificate SHA-256 " + security.fingerprint()
        : "Not encrypted: anyone on the network can read this link";
    updateSecurityDetail();
  }

  /**
   * @param fingerprint the coordinator's identity fingerprint
   * @param firstContact true when it was pinned just now, false when it matched the pinned one
   */
  void identified(String fingerprint, boolean firstContact) {
    identityLine = "Coordinator identity " + fingerprint
        + (firstContact ? " (new: trusted from now on)" : " (the one trusted before)");
    updateSecurityDetail();
  }

  private void updateSecurityDetail() {
    securityDetail.set((identityLine + "\n" + linkLine).strip()); // either may not be known yet
  }

  void connected(String newNick) {
    nick = newNick;
    setState(ConnectionState.CONNECTED);
  }

  void reconnecting(int newAttempt, Duration retryIn) {
    attempt = newAttempt;
    retryAt = clock.instant().plus(retryIn);
    setState(ConnectionState.RECONNECTING);
  }

  /** @param reason why, as the client said it */
  void disconnected(String reason) {
    disconnectReason = reason;
    setState(ConnectionState.DISCONNECTED);
  }

  void leaving() {
    stateText.set("Leaving…");
  }

  /** @param parent the proxy this client now hangs below, or null for a direct link */
  void routed(String parent) {
    parentNick = parent;
    updateRoute();
  }

  void measured(Optional<Duration> latest) {
    roundTrip = latest.orElse(null);
    updateRoute();
  }

  void relaying(int users) {
    relayText.set(!relays ? "Not relaying"
        : users == 0 ? "Relaying for nobody yet"
        : "Relaying for " + users + (users == 1 ? " user" : " users"));
  }

  /** Moves the reconnect countdown on. */
  void tick() {
    if (state.get() == ConnectionState.RECONNECTING) {
      updateStateText();
    }
  }

  private void setState(ConnectionState newState) {
    state.set(newState);
    updateStateText();
    updateRoute();
  }

  private void updateStateText() {
    stateText.set(switch (state.get()) {
      case CONNECTING -> "Connecting…";
      case CONNECTED -> "Connected as " + nick;
      case RECONNECTING -> {
        long seconds = (Math.max(0, Duration.between(clock.instant(), retryAt).toMillis()) + 999) / 1000;
        yield seconds > 0 ? "Reconnecting in " + seconds + " s (attempt " + attempt + ")"
            : "Reconnecting… (attempt " + attempt + ")";
      }
      case DISCONNECTED -> "Disconnected (" + disconnectReason + ")";
    });
  }

  private void updateRoute() {
    if (state.get() != ConnectionState.CONNECTED) {
      routeText.set("");
      return;
    }
    String route = parentNick == null ? "direct" : "via " + parentNick;
    routeText.set(roundTrip == null ? route : route + " · " + Math.max(1, roundTrip.toMillis()) + " ms");
  }
}

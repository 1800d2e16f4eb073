package org.prochat.app.gui.connect;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.prochat.app.gui.settings.AppSettings;
import org.prochat.app.gui.settings.SettingsStore;
import org.prochat.app.trust.PinnedKeys;
import org.prochat.app.trust.ServerKeyChange;
import org.prochat.client.ChatRefusedException;
import org.prochat.client.ServerAddress;
import org.prochat.node.PeerNodeOptions;
import org.prochat.protocol.NicknameRules;
import org.prochat.protocol.Violation;

/**
 * The connect dialog's model: the fields, a message next to each field that is wrong (checked as the
 * user types), and connecting. What was entered is remembered when the user connects, whether or not
 * the coordinator lets them in.
 *
 * <p><b>Threading:</b> confined to the JavaFX thread (or a test's thread); the connect result comes
 * back through {@code ui}.
 */
public final class ConnectDialogViewModel {
  private final SettingsStore store;
  private final AppSettings initial;
  private final String localAddress;
  private final Function<ConnectRequest, CompletableFuture<?>> connector;
  private final Executor ui;

  private final StringProperty nick;
  private final BooleanProperty useLocalAddress;
  private final StringProperty server;
  private final BooleanProperty relay;
  private final StringProperty relayPort;
  private final StringBinding nickError;
  private final StringBinding serverError;
  private final StringBinding relayPortError;
  private final BooleanBinding valid;
  private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper(this, "connecting");
  private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
  private final PinnedKeys pinnedKeys;
  private final ReadOnlyObjectWrapper<ServerKeyChange> keyChange = new ReadOnlyObjectWrapper<>(this, "keyChange");

  /**
   * @param initial what the fields start with (remembered settings, command-line values applied)
   * @param localAddress this computer's LAN address, the nickname when "use my local IP" is ticked
   * @param connector starts connecting; its future fails with the reason when it can't
   * @param ui runs the connect result's handling on the UI thread
   * @param pinnedKeys where the connector's client pins servers' keys, to accept a changed one in
   */
  public ConnectDialogViewModel(SettingsStore store, AppSettings initial, String localAddress,
      Function<ConnectRequest, CompletableFuture<?>> connector, Executor ui, PinnedKeys pinnedKeys) {
    this.store = Objects.requireNonNull(store, "store");
    this.initial = Objects.requireNonNull(initial, "initial");
    this.localAddress = Objects.requireNonNull(localAddress, "localAddress");
    this.connector = Objects.requireNonNull(connector, "connector");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.pinnedKeys = Objects.requireNonNull(pinnedKeys, "pinnedKeys");
    nick = new SimpleStringProperty(this, "nick", initial.nick());
    useLocalAddress = new SimpleBooleanProperty(this, "useLocalAddress", initial.useLocalAddress());
    server = new SimpleStringProperty(this, "server", initial.server());
    relay = new SimpleBooleanProperty(this, "relay", initial.relay());
    relayPort = new SimpleStringProperty(this, "relayPort", initial.relayPort());
    nickError = Bindings.createStringBinding(
        () -> NicknameRules.check(nickToUse().strip()).map(Violation::message).map(ConnectDialogViewModel::sentence)
            .orElse(""), nick, useLocalAddress);
    serverError = Bindings.createStringBinding(() -> serverProblem().orElse(""), server);
    relayPortError = Bindings.createStringBinding(() -> relay.get() ? portProblem().orElse("") : "", relay, relayPort);
    valid = Bindings.createBooleanBinding(
        () -> nickError.get().isEmpty() && serverError.get().isEmpty() && relayPortError.get().isEmpty(),
        nickError, serverError, relayPortError);
  }

  /** The nickname typed; ignored while {@link #useLocalAddressProperty()} is ticked. */
  public StringProperty nickProperty() {
    return nick;
  }

  public BooleanProperty useLocalAddressProperty() {
    return useLocalAddress;
  }

  /** This computer's LAN address, shown as the nickname while "use my local IP" is ticked. */
  public String localAddress() {
    return localAddress;
  }

  /** The coordinator, {@code host[:port]}. */
  public StringProperty serverProperty() {
    return server;
  }

  /** "Let my computer relay for others". */
  public BooleanProperty relayProperty() {
    return relay;
  }

  public StringProperty relayPortProperty() {
    return relayPort;
  }

  /** Why the nickname can't be used, or empty. */
  public StringBinding nickErrorProperty() {
    return nickError;
  }

  /** Why the server address can't be used, or empty. */
  public StringBinding serverErrorProperty() {
    return serverError;
  }

  /** Why the relay port can't be used, or empty (always empty while not relaying). */
  public StringBinding relayPortErrorProperty() {
    return relayPortError;
  }

  /** True when every field is fine. */
  public BooleanBinding validProperty() {
    return valid;
  }

  /** True from {@link #connect()} until the coordinator answers. */
  public ReadOnlyBooleanProperty connectingProperty() {
    return connecting.getReadOnlyProperty();
  }

  /** Why the last attempt failed, in plain words, or empty. */
  public ReadOnlyStringProperty failureProperty() {
    return failure.getReadOnlyProperty();
  }

  /**
   * Set when the last attempt was refused because the server's certificate or the coordinator's
   * identity changed (the view warns and offers {@link #acceptNewKey}); null otherwise.
   */
  public ReadOnlyObjectProperty<ServerKeyChange> keyChangeProperty() {
    return keyChange.getReadOnlyProperty();
  }

  /**
   * Trusts the server's new key from now on (the user checked it with the server's admin) and
   * connects again. Does nothing unless {@link #keyChangeProperty()} is set.
   */
  public void acceptNewKey() {
    ServerKeyChange change = keyChange.get();
    if (change == null) {
      return;
    }
    keyChange.set(null);
    try {
      change.accept();
    } catch (IOException e) {
      failure.set("Cannot remember the new " + change.kind().noun() + ": " + e.getMessage() + ".");
      return;
    }
    connect();
  }

  /**
   * Remembers the fields and starts connecting, unless a field is wrong or an attempt is under way.
   * On failure, {@link #failureProperty()} says why and the user may try again.
   */
  public void connect() {
    if (!valid.get() || connecting.get()) {
      return;
    }
    ServerAddress address = ServerAddress.parse(server.get());
    store.save(initial.withConnection(nick.get().strip(), useLocalAddress.get(), server.get().strip(), relay.get(),
        relayPort.get().strip()));
    PeerNodeOptions peer = relay.get() ? PeerNodeOptions.defaults().withPort(Integer.parseInt(relayPort.get().strip()))
        : null;
    failure.set("");
    connecting.set(true);
    connector.apply(new ConnectRequest(address, nickToUse().strip(), peer))
        .whenCompleteAsync((connected, problem) -> {
          connecting.set(false);
          if (problem != null) {
            failure.set(describe(address, problem));
            keyChange.set(pinnedKeys.changeBehind(problem).orElse(null));
          }
        }, ui);
  }

  private String nickToUse() {
    return useLocalAddress.get() ? localAddress : nick.get();
  }

  private Optional<String> serverProblem() {
    try {
      ServerAddress.parse(server.get());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(sentence(e.getMessage()));
    }
  }

  private Optional<String> portProblem() {
    try {
      int port = Integer.parseInt(relayPort.get().strip());
      return port >= 0 && port <= 65_535 ? Optional.empty()
          : Optional.of("A port is 1 to 65535 (0: any free port).");
    } catch (NumberFormatException e) {
      return Optional.of("The port must be a number.");
    }
  }

  private static Throwable unwrap(Throwable problem) {
    return problem instanceof CompletionException && problem.getCause() != null ? problem.getCause() : problem;
  }

  private static String describe(ServerAddress address, Throwable problem) {
    Throwable cause = unwrap(problem);
    return cause instanceof ChatRefusedException refused
        ? address + " refused to let you in: " + refused.error().message() + "."
        : "Cannot connect to " + address + ": " + cause.getMessage() + ".";
  }

  private static String sentence(String message) {
    return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
  }
}

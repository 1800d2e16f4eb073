package org.prochat.app.gui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.gui.settings.AppSettings;
import org.prochat.app.gui.settings.SettingsStore;
import org.prochat.app.trust.PinnedKeys;
import org.prochat.app.trust.ServerKeyChange;
import org.prochat.client.ChatLinkException;
import org.prochat.client.ChatRefusedException;
import org.prochat.client.ServerAddress;
import org.prochat.client.ServerKeyChangedException;
import org.prochat.client.ServerKeyPins;
import org.prochat.crypto.IdentityKey;
import org.prochat.crypto.PublicKeys;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;

class ConnectDialogViewModelTest {
  private static final String OLD_KEY = IdentityKey.generate().publicKey();
  private static final String NEW_KEY = IdentityKey.generate().publicKey();

  @TempDir
  Path dir;

  private final List<ConnectRequest> requests = new ArrayList<>();
  private CompletableFuture<Object> answer = new CompletableFuture<>();
  private final ServerKeyPins identities = ServerKeyPins.inMemory();

  private ConnectDialogViewModel dialog(SettingsStore store) {
    return new ConnectDialogViewModel(store, store.load(), "192.168.1.20", request -> {
      requests.add(request);
      return answer;
    }, Runnable::run, new PinnedKeys(dir.resolve("tls-pins"), identities));
  }

  private SettingsStore store() {
    return new SettingsStore(dir.resolve("settings.properties"), AppSettings.defaults("carol"));
  }

  @Test
  void aBadNicknameSaysWhyNextToTheFieldAndConnectDoesNothing() {
    ConnectDialogViewModel dialog = dialog(store());

    dialog.nickProperty().set("two words");
    dialog.connect();

    assertThat(dialog.nickErrorProperty().get()).isEqualTo(
        "A nickname may not contain spaces; use letters, digits and -_.[]{}|^'.");
    assertThat(dialog.validProperty().get()).isFalse();
    assertThat(requests).isEmpty();
  }

  @Test
  void aBadServerOrRelayPortSaysWhy() {
    ConnectDialogViewModel dialog = dialog(store());

    dialog.serverProperty().set("chat.lan:http");
    dialog.relayPortProperty().set("70000");

    assertThat(dialog.serverErrorProperty().get()).isEqualTo("The port must be a number, got 'http'.");
    assertThat(dialog.relayPortErrorProperty().get()).isEqualTo("A port is 1 to 65535 (0: any free port).");
  }

  @Test
  void theRelayPortDoesNotMatterWhenNotRelaying() {
    ConnectDialogViewModel dialog = dialog(store());

    dialog.relayPortProperty().set("nope");
    dialog.relayProperty().set(false);

    assertThat(dialog.relayPortErrorProperty().get()).isEmpty();
    assertThat(dialog.validProperty().get()).isTrue();
  }

  @Test
  void connectAsksForTheTypedNicknameServerAndPeerNode() {
    ConnectDialogViewModel dialog = dialog(store());
    dialog.nickProperty().set(" dave ");
    dialog.serverProperty().set("chat.lan");
    dialog.relayPortProperty().set("9191");

    dialog.connect();

    assertThat(requests).singleElement().satisfies(request -> {
      assertThat(request.nick()).isEqualTo("dave");
      assertThat(request.server()).isEqualTo(new ServerAddress("chat.lan", 9090));
      assertThat(request.peer().port()).isEqualTo(9191);
    });
    assertThat(dialog.connectingProperty().get()).isTrue();
  }

  @Test
  void theLocalAddressReplacesTheNicknameWhenTicked() {
    ConnectDialogViewModel dialog = dialog(store());
    dialog.useLocalAddressProperty().set(true);
    dialog.relayProperty().set(false);

    dialog.connect();

    assertThat(requests).singleElement().satisfies(request -> {
      assertThat(request.nick()).isEqualTo("192.168.1.20");
      assertThat(request.peer()).isNull();
    });
  }

  @Test
  void whatWasEnteredIsRememberedForTheNextRun() {
    SettingsStore store = store();
    ConnectDialogViewModel dialog = dialog(store);
    dialog.nickProperty().set("dave");
    dialog.serverProperty().set("chat.lan:9999");
    dialog.relayProperty().set(false);

    dialog.connect();
    ConnectDialogViewModel nextRun = dialog(store);

    assertThat(nextRun.nickProperty().get()).isEqualTo("dave");
    assertThat(nextRun.serverProperty().get()).isEqualTo("chat.lan:9999");
    assertThat(nextRun.relayProperty().get()).isFalse();
  }

  @Test
  void aRefusalIsShownPlainlyAndTheUserMayTryAgain() {
    ConnectDialogViewModel dialog = dialog(store());
    dialog.serverProperty().set("chat.lan");

    dialog.connect();
    answer.completeExceptionally(new ChatRefusedException(
        new ErrorFrame(null, ErrorCode.TOO_MANY_CONNECTIONS, "too many connections from your address", null, true)));

    assertThat(dialog.failureProperty().get())
        .isEqualTo("chat.lan:9090 refused to let you in: too many connections from your address.");
    assertThat(dialog.connectingProperty().get()).isFalse();
    answer = new CompletableFuture<>();
    dialog.connect();
    assertThat(requests).hasSize(2);
    assertThat(dialog.failureProperty().get()).isEmpty();
  }

  @Test
  void anUnreachableServerIsShownPlainly() {
    ConnectDialogViewModel dialog = dialog(store());
    dialog.serverProperty().set("chat.lan");

    dialog.connect();
    answer.completeExceptionally(new ChatLinkException("connection refused"));

    assertThat(dialog.failureProperty().get()).isEqualTo("Cannot connect to chat.lan:9090: connection refused.");
  }

  @Test
  void aChangedIdentityIsOfferedForAcceptingAndAcceptingPinsTheNewKeyAndConnectsAgain() {
    ConnectDialogViewModel dialog = dialog(store());
    dialog.serverProperty().set("chat.lan");
    ServerAddress server = new ServerAddress("chat.lan", 9090);
    identities.pin(server, OLD_KEY);

    dialog.connect();
    answer.completeExceptionally(new ServerKeyChangedException(server, OLD_KEY, NEW_KEY));

    ServerKeyChange change = dialog.keyChangeProperty().get();
    assertThat(change.kind()).isEqualTo(ServerKeyChange.Kind.IDENTITY);
    assertThat(change.pinned()).isEqualTo(PublicKeys.fingerprint(OLD_KEY));
    assertThat(change.presented()).isEqualTo(PublicKeys.fingerprint(NEW_KEY));
    assertThat(dialog.failureProperty().get()).contains("different identity");
    answer = new CompletableFuture<>();

    dialog.acceptNewKey();

    assertThat(identities.pinned(server)).contains(NEW_KEY);
    assertThat(requests).hasSize(2);
    assertThat(dialog.keyChangeProperty().get()).isNull();
  }

  @Test
  void aChangedIdentityNotAcceptedStaysRefused() {
    ConnectDialogViewModel dialog = dialog(store());
    dialog.serverProperty().set("chat.lan");
    ServerAddress server = new ServerAddress("chat.lan", 9090);
    identities.pin(server, OLD_KEY);

    dialog.connect();
    answer.completeExceptionally(new ServerKeyChangedException(server, OLD_KEY, NEW_KEY));

    assertThat(dialog.keyChangeProperty().get()).isNotNull();
    assertThat(identities.pinned(server)).contains(OLD_KEY);
    assertThat(requests).hasSize(1);
  }

  @Test
  void aFailureOtherThanAChangedKeyOffersNothingToAccept() {
    ConnectDialogViewModel dialog = dialog(store());

    dialog.connect();
    answer.completeExceptionally(new ChatLinkException("connection refused"));
    dialog.acceptNewKey();

    assertThat(dialog.keyChangeProperty().get()).isNull();
    assertThat(requests).hasSize(1);
  }
}

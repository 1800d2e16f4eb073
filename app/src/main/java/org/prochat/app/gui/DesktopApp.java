package org.prochat.app.gui;

import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.stage.Stage;
import org.prochat.app.gui.chat.UiContext;
import org.prochat.app.gui.connect.ConnectDialogView;
import org.prochat.app.gui.connect.ConnectDialogViewModel;
import org.prochat.app.gui.connect.ConnectRequest;
import org.prochat.app.gui.room.RoomViewModel;
import org.prochat.app.gui.room.RoomWindow;
import org.prochat.app.gui.session.ClientChatSession;
import org.prochat.app.gui.session.EventBatcher;
import org.prochat.app.gui.session.UiThreadChatListener;
import org.prochat.app.gui.settings.AppSettings;
import org.prochat.app.gui.settings.SettingsLocation;
import org.prochat.app.gui.settings.SettingsStore;
import org.prochat.app.gui.settings.Theme;
import org.prochat.app.gui.theme.ThemeStyles;
import org.prochat.app.gui.whisper.ControlsFxWhisperNotifier;
import org.prochat.app.gui.whisper.WhisperNotifier;
import org.prochat.app.gui.whisper.WhisperWindows;
import org.prochat.app.trust.PinnedKeys;
import org.prochat.app.trust.ProfileTrust;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ClientTrust;

/**
 * One run of the desktop app: the connect dialog, then the room's window with its whisper windows,
 * until the user leaves. Several can run in one JVM (the tests do), each with its own settings file.
 *
 * <p>The chat client runs on its own Netty thread; everything it reports reaches the windows through
 * an {@link EventBatcher}, at most once per frame.
 *
 * <p><b>Threading:</b> create and use on the JavaFX thread.
 */
public final class DesktopApp {
  private final SettingsStore store;
  private final DesktopPrefill prefill;
  private final String localAddress;
  private final ChatClientOptions clientOptions;
  private final WhisperNotifier notifier;
  private final Runnable onExit;
  private final ZoneId zone = ZoneId.systemDefault();
  private ThemeStyles styles;
  private ConnectDialogView dialog;
  private RoomWindow room;
  private WhisperWindows whispers;
  private EventBatcher batcher;

  /**
   * @param localAddress the nickname offered by "use my local IP address as name"
   * @param clientOptions how the chat client runs; the dialog decides its peer node. Its {@link
   *     ChatClientOptions#trust() trust} is required: the user's pins and whisper key, loaded before
   *     the JavaFX thread needs them ({@link ProfileTrust#load})
   * @param onExit runs once the user has left (or closed the dialog without connecting)
   */
  public DesktopApp(SettingsStore store, DesktopPrefill prefill, String localAddress, ChatClientOptions clientOptions,
      WhisperNotifier notifier, Runnable onExit) {
    this.store = Objects.requireNonNull(store, "store");
    this.prefill = Objects.requireNonNull(prefill, "prefill");
    this.localAddress = Objects.requireNonNull(localAddress, "localAddress");
    this.clientOptions = Objects.requireNonNull(clientOptions, "clientOptions");
    Objects.requireNonNull(clientOptions.trust(), "clientOptions.trust()");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.onExit = Objects.requireNonNull(onExit, "onExit");
  }

  /**
   * The app as a user gets it: ControlsFX notifications, a client that comes back after a coordinator
   * restart, with the user's pins and whisper key.
   */
  public static DesktopApp standard(SettingsStore store, DesktopPrefill prefill, String localAddress, ClientTrust trust,
      Runnable onExit) {
    // A desktop user stays in the room across a coordinator restart: the app keeps trying, as after a lost link.
    return new DesktopApp(store, prefill, localAddress,
        ChatClientOptions.DEFAULTS.withReconnectAfterShutdown(true).withTrust(trust), new ControlsFxWhisperNotifier(),
        onExit);
  }

  /** Shows the connect dialog. */
  public void start() {
    AppSettings settings = prefill.applyTo(store.load());
    styles = new ThemeStyles(settings.theme());
    styles.themeProperty().addListener((property, was, theme) -> store.save(store.load().withTheme(theme)));
    ConnectDialogViewModel model = new ConnectDialogViewModel(store, settings, localAddress, this::connect,
        Platform::runLater, new PinnedKeys(tlsPinFile(), clientOptions.trust().pins()));
    dialog = new ConnectDialogView(new Stage(), model, styles);
    dialog.stage().setOnCloseRequest(event -> {
      if (room == null) {
        onExit.run();
      }
    });
    dialog.stage().show();
  }

  /** The connect dialog (it stays hidden once connected). */
  public ConnectDialogView connectDialog() {
    return dialog;
  }

  /** The room's window, once connected. */
  public Optional<RoomWindow> roomWindow() {
    return Optional.ofNullable(room);
  }

  /** The whisper windows, once connected. */
  public Optional<WhisperWindows> whisperWindows() {
    return Optional.ofNullable(whispers);
  }

  /** The theme every window shows; the View menu switches it, and it is remembered. */
  public ObjectProperty<Theme> theme() {
    return styles.themeProperty();
  }

  /** The batcher feeding the windows, once connecting started; for the burst benchmark. */
  public Optional<EventBatcher> batcher() {
    return Optional.ofNullable(batcher);
  }

  private CompletableFuture<ChatClient> connect(ConnectRequest request) {
    batcher = new EventBatcher();
    int scrollback = store.load().scrollback();
    UiContext context = new UiContext(batcher, batcher.endOfBatch(), InstantSource.system(), scrollback);
    CompletableFuture<ChatClient> client = new CompletableFuture<>();
    RoomViewModel model = new RoomViewModel(new ClientChatSession(client, request.peer() != null), context, notifier,
        this::leave);
    ChatClient.connect(request.server(), request.nick(), new UiThreadChatListener(model, batcher),
            clientOptions.withPeer(request.peer()).withTlsPinFile(tlsPinFile()))
        .whenComplete((connected, failure) -> {
          if (failure != null) {
            client.completeExceptionally(failure);
          } else {
            client.complete(connected);
          }
        });
    // Opened through the batcher, so the window appears after the welcome it already has.
    return client.thenApplyAsync(connected -> {
      openRoom(model, connected.nick() + " @ " + request.server());
      return connected;
    }, batcher);
  }

  private Path tlsPinFile() {
    return SettingsLocation.tlsPinFileNextTo(store.file());
  }

  private void openRoom(RoomViewModel model, String title) {
    room = new RoomWindow(new Stage(), model, styles, zone, title);
    whispers = new WhisperWindows(model.whispers(), room.stage(), styles, zone);
    room.show();
    dialog.stage().hide();
  }

  private void leave() {
    if (whispers != null) {
      whispers.closeAll();
    }
    if (room != null) {
      room.close();
    }
    onExit.run();
  }
}

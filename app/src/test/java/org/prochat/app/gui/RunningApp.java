package org.prochat.app.gui;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.prochat.app.gui.chat.ChatLine;
import org.prochat.app.gui.room.RoomWindow;
import org.prochat.app.gui.settings.AppSettings;
import org.prochat.app.gui.settings.SettingsStore;
import org.prochat.app.gui.whisper.WhisperWindow;
import org.prochat.app.trust.ProfileTrust;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ServerAddress;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One desktop app in a window test, driven like a user would: through its windows with TestFX's
 * robot. Several can run side by side; each acts on its own windows only.
 */
public final class RunningApp implements AutoCloseable {
  /** How long a test waits for the windows to show something. */
  public static final Duration PATIENCE = Duration.ofSeconds(10);

  /** The headless screen is 1000 × 1000; apps take turns at its left and right halves. */
  private static final double SLOT_WIDTH = 500;
  private static final AtomicInteger STARTED = new AtomicInteger();

  private final DesktopApp app;
  private final double left = STARTED.getAndIncrement() % 2 * SLOT_WIDTH;
  private final FxRobot robot = new FxRobot();
  private final CompletableFuture<Void> exited = new CompletableFuture<>();
  /** Whispers the notifier was asked to show, as {@code from: text}. */
  public final List<String> notifications = new CopyOnWriteArrayList<>();

  private RunningApp(SettingsStore store, DesktopPrefill prefill, ChatClientOptions options) {
    app = new DesktopApp(store, prefill, "192.168.1.20", options,
        (from, text, show) -> notifications.add(from + ": " + text), () -> exited.complete(null));
  }

  /** Starts an app whose settings live in {@code settingsDir}; returns with the connect dialog showing. */
  public static RunningApp start(Path settingsDir, DesktopPrefill prefill) {
    return start(settingsDir, prefill, ChatClientOptions.DEFAULTS);
  }

  /**
   * Starts an app whose chat client runs with {@code options}; without trust in them, with the pins
   * and whisper key kept in {@code settingsDir}, as the app keeps them in the user's profile.
   */
  public static RunningApp start(Path settingsDir, DesktopPrefill prefill, ChatClientOptions options) {
    SettingsStore store = new SettingsStore(settingsDir.resolve("settings.properties"), AppSettings.defaults("tester"));
    ChatClientOptions trusting;
    try {
      trusting = options.trust() != null ? options : options.withTrust(ProfileTrust.load(store.file()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RunningApp running = onFx(() -> new RunningApp(store, prefill, trusting));
    onFx(() -> {
      running.app.start();
      return null;
    });
    return running;
  }

  /** Starts an app and joins {@code server} as {@code nick} through the dialog, without relaying. */
  public static RunningApp join(Path settingsDir, ServerAddress server, String nick) {
    return join(start(settingsDir, new DesktopPrefill(server.toString(), nick, false, null)));
  }

  /** Clicks Connect in a started app's dialog and waits until it is in the room. */
  public static RunningApp join(RunningApp running) {
    running.robot.clickOn(running.dialogNode("#connect"));
    running.awaitRoom();
    running.awaitLine(line -> line.text().startsWith("You are "));
    return running;
  }

  public DesktopApp app() {
    return app;
  }

  public FxRobot robot() {
    return robot;
  }

  /** Completes when the app has ended (the user left). */
  public CompletableFuture<Void> exited() {
    return exited;
  }

  /** A node of the connect dialog, by CSS selector. */
  public Node dialogNode(String selector) {
    return dialogNode(selector, Node.class);
  }

  /** A node of the connect dialog, by CSS selector, as the type it is. */
  public <T extends Node> T dialogNode(String selector, Class<T> type) {
    raise(app.connectDialog().stage());
    return robot.from(app.connectDialog().stage().getScene().getRoot()).lookup(selector).queryAs(type);
  }

  /** Waits for the room window and returns it, placed in this app's half of the screen. */
  public RoomWindow awaitRoom() {
    RoomWindow room = await().atMost(PATIENCE)
        .until(() -> onFx(() -> app.roomWindow().filter(w -> w.stage().isShowing())), o -> o.isPresent())
        .orElseThrow();
    place(room.stage(), 0, 480);
    return room;
  }

  /** Types {@code text} into the room's input line and presses Enter. */
  public void typeInRoom(String text) {
    RoomWindow room = awaitRoom();
    raise(room.stage());
    TextField input = robot.from(room.stage().getScene().getRoot()).lookup(".input-field").query();
    type(input, text);
  }

  /** Types {@code text} into a whisper window's input line and presses Enter. */
  public void typeInWhisper(WhisperWindow window, String text) {
    raise(window.stage());
    TextField input = robot.from(window.stage().getScene().getRoot()).lookup(".input-field").query();
    type(input, text);
  }

  /**
   * TestFX writes into the window it last clicked, while robot key presses go to the focused window;
   * the newline is written too, so that Enter reaches the same field on the headless platform.
   */
  private void type(TextField input, String text) {
    robot.clickOn(input).write(text + "\n");
  }

  /** The room's lines now, read on the JavaFX thread. */
  public List<ChatLine> roomLines() {
    RoomWindow room = awaitRoom();
    return onFx(() -> List.copyOf(room.log().list().getItems()));
  }

  /** The user list now. */
  public List<String> users() {
    RoomWindow room = awaitRoom();
    return onFx(() -> List.copyOf(room.users().list().getItems()));
  }

  /** Waits until the room shows a line matching {@code test}. */
  public ChatLine awaitLine(Predicate<ChatLine> test) {
    return await().atMost(PATIENCE).until(() -> roomLines().stream().filter(test).findFirst(), o -> o.isPresent())
        .orElseThrow();
  }

  /** Waits for the whisper window with {@code peer} to be showing, and places it below the room's. */
  public WhisperWindow awaitWhisperWindow(String peer) {
    WhisperWindow window = await().atMost(PATIENCE).until(() -> onFx(() -> app.whisperWindows()
        .flatMap(w -> w.find(peer)).filter(w -> w.stage().isShowing())), o -> o.isPresent()).orElseThrow();
    place(window.stage(), 500, 400);
    return window;
  }

  /** Side by side, so a click meant for one app's window never lands on another's. */
  private void place(Stage stage, double top, double height) {
    onFx(() -> {
      if (stage.getX() != left || stage.getY() != top) {
        stage.setX(left);
        stage.setY(top);
        stage.setWidth(SLOT_WIDTH);
        stage.setHeight(height);
      }
      return null;
    });
  }

  /** The lines of a whisper window now. */
  public List<ChatLine> whisperLines(WhisperWindow window) {
    return onFx(() -> List.copyOf(window.log().list().getItems()));
  }

  /** Leaves as File → Exit would, if still in, and waits until the app has ended. */
  @Override
  public void close() {
    if (!exited.isDone()) {
      onFx(() -> {
        app.roomWindow().ifPresentOrElse(room -> room.model().quit("quit"), () -> {
          app.connectDialog().stage().hide();
          exited.complete(null);
        });
        return null;
      });
      exited.orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).join();
    }
  }

  /**
   * Brings {@code stage} in front with the keyboard focus. The headless platform does not move the
   * focus between windows on a click, as a desktop would, so the test does.
   */
  private void raise(Stage stage) {
    robot.interact(() -> {
      stage.toFront();
      stage.requestFocus();
    });
  }

  /** Runs {@code action} on the JavaFX thread and returns its result. */
  public static <T> T onFx(Supplier<T> action) {
    try {
      return WaitForAsyncUtils.asyncFx(action::get).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

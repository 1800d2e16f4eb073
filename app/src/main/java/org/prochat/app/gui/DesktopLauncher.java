package org.prochat.app.gui;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import org.prochat.app.gui.connect.LocalAddress;
import org.prochat.app.gui.settings.AppSettings;
import org.prochat.app.gui.settings.SettingsLocation;
import org.prochat.app.gui.settings.SettingsStore;
import org.prochat.app.trust.ProfileTrust;
import org.prochat.client.ClientTrust;

/**
 * Starts the desktop app in this process and waits until the user has left. The app's main class
 * does not extend {@code javafx.application.Application} (a runnable jar with JavaFX on the class
 * path must not), so the JavaFX platform is started here.
 */
public final class DesktopLauncher {
  private DesktopLauncher() {}

  /**
   * Runs the app with the user's settings file, the fields pre-filled from {@code prefill}; blocks
   * until it ends.
   *
   * @return the exit status: 0, or 1 when the user's pins or whisper key can't be read (said in a
   *     window and on standard error)
   */
  public static int run(DesktopPrefill prefill) {
    SettingsStore store = new SettingsStore(SettingsLocation.forThisUser(),
        AppSettings.defaults(System.getProperty("user.name", "")));
    String localAddress = LocalAddress.guess();
    CompletableFuture<Void> finished = new CompletableFuture<>();
    Runnable onExit = () -> finished.complete(null);
    Runnable start;
    int status;
    // Read here, before the JavaFX thread starts: it is disk I/O, and the dialog must not wait for it.
    try {
      ClientTrust trust = ProfileTrust.load(store.file());
      start = () -> DesktopApp.standard(store, prefill, localAddress, trust, onExit).start();
      status = 0;
    } catch (IOException e) {
      System.err.println("prochat-app: " + e.getMessage());
      start = () -> {
        showStartFailure(e.getMessage());
        onExit.run();
      };
      status = 1;
    }
    Platform.setImplicitExit(false); // the app ends when the user leaves, not when a window closes
    Platform.startup(start);
    finished.join();
    Platform.exit();
    return status;
  }

  /** Started from a menu, a desktop user never sees standard error. */
  private static void showStartFailure(String reason) {
    Alert problem = new Alert(Alert.AlertType.ERROR, reason + ".");
    problem.setTitle("ProChat");
    problem.setHeaderText("ProChat cannot start");
    problem.showAndWait();
  }
}

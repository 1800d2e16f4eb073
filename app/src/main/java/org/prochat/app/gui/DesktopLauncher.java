package org.prochat.app.gui;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import org.prochat.app.gui.connect.LocalAddress;
import org.prochat.app.gui.settings.AppSettings;
import org.prochat.app.gui.settings.SettingsLocation;
import org.prochat.app.gui.settings.SettingsStore;

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
   * @return the exit status, 0
   */
  public static int run(DesktopPrefill prefill) {
    SettingsStore store = new SettingsStore(SettingsLocation.forThisUser(),
        AppSettings.defaults(System.getProperty("user.name", "")));
    String localAddress = LocalAddress.guess();
    CompletableFuture<Void> finished = new CompletableFuture<>();
    Platform.setImplicitExit(false); // the app ends when the user leaves, not when a window closes
    Platform.startup(() -> DesktopApp.standard(store, prefill, localAddress, () -> finished.complete(null)).start());
    finished.join();
    Platform.exit();
    return 0;
  }
}

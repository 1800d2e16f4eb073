package org.prochat.app.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.prochat.client.ServerCertificateChangedException;
import org.prochat.client.ServerKeyChangedException;
import org.prochat.client.ServerKeyPins;
import org.prochat.client.TlsPinStore;

/**
 * Where an app pins servers' keys: the TLS certificates in {@code tlsPinFile}, the coordinator
 * identities in {@code identities} — the very store the chat client checks, so that a key accepted
 * here counts for the next connect at once.
 *
 * @param tlsPinFile the {@link TlsPinStore} file, or null for this process's pins
 */
public record PinnedKeys(Path tlsPinFile, ServerKeyPins identities) {
  public PinnedKeys {
    Objects.requireNonNull(identities, "identities");
  }

  /**
   * The changed key that made a connect fail, if that is why it failed.
   *
   * @param failure what the connect future failed with (a {@link CompletionException} is looked into)
   */
  public Optional<ServerKeyChange> changeBehind(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return Optional.ofNullable(switch (cause) {
      case ServerCertificateChangedException changed -> new ServerKeyChange(ServerKeyChange.Kind.CERTIFICATE,
          changed.server(), changed.pinned().toString(), changed.presented().toString(),
          () -> TlsPinStore.open(tlsPinFile).accept(changed));
      case ServerKeyChangedException changed -> new ServerKeyChange(ServerKeyChange.Kind.IDENTITY, changed.server(),
          changed.pinnedFingerprint(), changed.presentedFingerprint(), () -> pinIdentity(changed));
      default -> null;
    });
  }

  private void pinIdentity(ServerKeyChangedException changed) throws IOException {
    try {
      identities.pin(changed.server(), changed.presentedKey());
    } catch (UncheckedIOException cannotWrite) {
      throw new IOException(cannotWrite.getMessage(), cannotWrite.getCause());
    }
  }
}

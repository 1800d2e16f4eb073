package org.prochat.client;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslContext;
import org.prochat.tls.CertificateChangedException;
import org.prochat.wire.TlsContexts;

/**
 * Whether a client's next link to its coordinator speaks TLS, and what a failed handshake means.
 * TLS when the options require it, when the coordinator said it requires it, or when a certificate
 * is pinned for it: a server once seen with TLS is never spoken to in plain text again.
 *
 * <p>Not thread-safe: used on the client's event loop.
 */
final class CoordinatorTls {
  private final ServerAddress coordinator;
  private final TlsPinStore pins;
  private boolean required;

  CoordinatorTls(ServerAddress coordinator, TlsPinStore pins, boolean required) {
    this.coordinator = coordinator;
    this.pins = pins;
    this.required = required;
  }

  /** The coordinator refused plain text: every link from now on is TLS. */
  void requiredByCoordinator() {
    required = true;
  }

  /** The TLS context for the next link to the coordinator, or null for plain text. */
  SslContext nextLink() {
    return required || pins.pinned(coordinator).isPresent()
        ? TlsContexts.client(pins.trustOnFirstUse(coordinator)) : null;
  }

  /**
   * Why a TLS handshake with the coordinator failed, for the user: a changed certificate, a server
   * that answers in plain text although it was seen with TLS, or a failure of the link itself.
   *
   * @return the refusal, and whether it is for good (retrying would meet the same refusal)
   */
  Refusal explain(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateChangedException changed) {
        return new Refusal(new ServerCertificateChangedException(coordinator, changed.pinned(), changed.presented()), true);
      }
      if (cause instanceof NotSslRecordException) {
        String pinned = pins.pinned(coordinator).map(f -> " (certificate " + f + " is pinned)").orElse("");
        return new Refusal(new ChatLinkException(coordinator + " answered in plain text, but this client speaks only TLS"
            + " to it" + pinned + "; refusing to talk in plain text", failure), true);
      }
    }
    return new Refusal(new ChatLinkException("TLS with " + coordinator + " failed: " + failure.getMessage(), failure),
        false);
  }

  /** @param forGood true when the server itself is refused, not just this attempt */
  record Refusal(ChatLinkException reason, boolean forGood) {}
}

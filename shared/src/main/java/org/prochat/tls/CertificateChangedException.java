package org.prochat.tls;

import java.security.cert.CertificateException;
import java.util.Objects;

/** A server presented another certificate than the one pinned for it: it changed, or someone is in between. */
public final class CertificateChangedException extends CertificateException {
  private final transient CertificateFingerprint pinned;
  private final transient CertificateFingerprint presented;

  public CertificateChangedException(CertificateFingerprint pinned, CertificateFingerprint presented) {
    super("the certificate presented (" + presented + ") is not the one pinned (" + pinned + ")");
    this.pinned = Objects.requireNonNull(pinned, "pinned");
    this.presented = Objects.requireNonNull(presented, "presented");
  }

  public CertificateFingerprint pinned() {
    return pinned;
  }

  public CertificateFingerprint presented() {
    return presented;
  }
}

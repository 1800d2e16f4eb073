package org.prochat.protocol;

import org.prochat.tls.CertificateFingerprint;

/** Checks shared by the frame records' constructors: a decoded frame is always well-formed. */
final class FrameRules {
  private FrameRules() {}

  static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return value;
  }

  static String requiredId(String id) {
    required(id, "id");
    if (id.isEmpty() || id.length() > ProtocolLimits.MAX_ID_CHARS) {
      throw new IllegalArgumentException(
          "field 'id' must be 1 to " + ProtocolLimits.MAX_ID_CHARS + " characters");
    }
    return id;
  }

  /** An optional certificate fingerprint: absent, or 32 hex pairs joined by colons. */
  static String fingerprint(String value, String field) {
    if (value != null && !CertificateFingerprint.isWellFormed(value)) {
      throw new IllegalArgumentException("field '" + field + "' must be a SHA-256 fingerprint (32 hex pairs joined by colons)");
    }
    return value;
  }

  static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException("field '" + field + "' must not be negative");
    }
    return value;
  }
}

package org.prochat.protocol;

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

  static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException("field '" + field + "' must not be negative");
    }
    return value;
  }
}

package org.prochat.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The few DER encodings (ITU-T X.690) an X.509 certificate needs. Each method returns one complete
 * element (tag, length, contents); constructed elements take their children already encoded.
 */
final class DerWriter {
  private static final int INTEGER = 0x02;
  private static final int BIT_STRING = 0x03;
  private static final int OCTET_STRING = 0x04;
  private static final int BOOLEAN = 0x01;
  private static final int OBJECT_IDENTIFIER = 0x06;
  private static final int UTF8_STRING = 0x0c;
  private static final int UTC_TIME = 0x17;
  private static final int GENERALIZED_TIME = 0x18;
  private static final int SEQUENCE = 0x30;
  private static final int SET = 0x31;
  private static final DateTimeFormatter UTC_TIME_FORMAT = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
  private static final DateTimeFormatter GENERALIZED_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

  private DerWriter() {}

  static byte[] sequence(byte[]... children) {
    return element(SEQUENCE, concat(children));
  }

  static byte[] set(byte[]... children) {
    return element(SET, concat(children));
  }

  /** A context-specific, constructed, explicit tag {@code [number]} around one element. */
  static byte[] explicit(int number, byte[] child) {
    if (number < 0 || number > 30) {
      throw new IllegalArgumentException("tag number must be 0 to 30, got " + number);
    }
    return element(0xa0 | number, child);
  }

  static byte[] integer(BigInteger value) {
    // Two's complement, big-endian, minimal: exactly what BigInteger gives.
    return element(INTEGER, value.toByteArray());
  }

  static byte[] booleanValue(boolean value) {
    return element(BOOLEAN, new byte[] {(byte) (value ? 0xff : 0x00)});
  }

  /**
   * A bit string: {@code bits} with the last {@code unusedBits} bits of its last byte not part of it
   * (0 for whole bytes, such as a signature).
   */
  static byte[] bitString(int unusedBits, byte... bits) {
    if (unusedBits < 0 || unusedBits > 7 || (unusedBits > 0 && bits.length == 0)) {
      throw new IllegalArgumentException("unused bits must be 0 to 7, and 0 for an empty bit string");
    }
    byte[] contents = new byte[bits.length + 1];
    contents[0] = (byte) unusedBits;
    System.arraycopy(bits, 0, contents, 1, bits.length);
    return element(BIT_STRING, contents);
  }

  static byte[] octetString(byte[] contents) {
    return element(OCTET_STRING, contents);
  }

  static byte[] utf8String(String text) {
    return element(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
  }

  /** An object identifier in dotted form, such as {@code 2.5.4.3}. */
  static byte[] objectIdentifier(String dotted) {
    String[] arcs = dotted.split("\\.");
    if (arcs.length < 2) {
      throw new IllegalArgumentException("an object identifier has at least two arcs: " + dotted);
    }
    ByteArrayOutputStream contents = new ByteArrayOutputStream();
    base128(contents, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      base128(contents, Long.parseLong(arcs[i]));
    }
    return element(OBJECT_IDENTIFIER, contents.toByteArray());
  }

  /**
   * A certificate validity time: UTCTime through 2049 and GeneralizedTime from 2050 on, as RFC 5280
   * (4.1.2.5) demands; seconds precision, always UTC.
   */
  static byte[] time(ZonedDateTime when) {
    ZonedDateTime utc = when.withZoneSameInstant(ZoneOffset.UTC);
    return utc.getYear() < 2050
        ? element(UTC_TIME, utc.format(UTC_TIME_FORMAT).getBytes(StandardCharsets.US_ASCII))
        : element(GENERALIZED_TIME, utc.format(GENERALIZED_TIME_FORMAT).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] element(int tag, byte[] contents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(contents.length + 6);
    out.write(tag);
    length(out, contents.length);
    out.writeBytes(contents);
    return out.toByteArray();
  }

  /** Short form below 128, else the long form: 0x80 | count of length bytes, then the length big-endian. */
  private static void length(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
      return;
    }
    int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
    out.write(0x80 | bytes);
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
      out.write(length >>> shift);
    }
  }

  /** Seven bits per byte, most significant first, every byte but the last with its top bit set. */
  private static void base128(ByteArrayOutputStream out, long value) {
    int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
    for (int group = groups - 1; group >= 0; group--) {
      int sevenBits = (int) (value >>> (group * 7)) & 0x7f;
      out.write(group == 0 ? sevenBits : sevenBits | 0x80);
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}

package org.prochat.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The DER encodings, checked byte for byte against X.690 examples and known certificate fields. */
class DerWriterTest {
  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void anObjectIdentifierUsesBase128ArcsWithTheFirstTwoCombined() {
    // ecdsa-with-SHA256, as it appears in every EC certificate.
    assertThat(hex(DerWriter.objectIdentifier("1.2.840.10045.4.3.2"))).isEqualTo("06082a8648ce3d040302");
    assertThat(hex(DerWriter.objectIdentifier("2.5.4.3"))).isEqualTo("0603550403");
  }

  @Test
  void integersAreMinimalTwosComplement() {
    assertThat(hex(DerWriter.integer(BigInteger.ZERO))).isEqualTo("020100");
    assertThat(hex(DerWriter.integer(BigInteger.valueOf(127)))).isEqualTo("02017f");
    assertThat(hex(DerWriter.integer(BigInteger.valueOf(128)))).isEqualTo("02020080");
    assertThat(hex(DerWriter.integer(BigInteger.valueOf(-129)))).isEqualTo("0202ff7f");
  }

  @Test
  void lengthsFrom128OnUseTheLongForm() {
    assertThat(hex(DerWriter.octetString(new byte[127])).substring(0, 4)).isEqualTo("047f");
    assertThat(hex(DerWriter.octetString(new byte[128])).substring(0, 6)).isEqualTo("048180");
    assertThat(hex(DerWriter.octetString(new byte[256])).substring(0, 8)).isEqualTo("04820100");
    assertThat(hex(DerWriter.octetString(new byte[65_536])).substring(0, 10)).isEqualTo("0483010000");
  }

  @Test
  void aBitStringStartsWithItsCountOfUnusedBits() {
    assertThat(hex(DerWriter.bitString(7, (byte) 0x80))).isEqualTo("03020780");
    assertThat(hex(DerWriter.bitString(0, (byte) 0xab, (byte) 0xcd))).isEqualTo("030300abcd");
  }

  @Test
  void validityTimesSwitchToGeneralizedTimeIn2050() {
    ZonedDateTime lastUtcTimeYear = ZonedDateTime.of(2049, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);
    assertThat(new String(DerWriter.time(lastUtcTimeYear), 2, 13, StandardCharsets.US_ASCII))
        .isEqualTo("491231235959Z");
    assertThat(DerWriter.time(lastUtcTimeYear)[0]).isEqualTo((byte) 0x17);

    byte[] generalized = DerWriter.time(lastUtcTimeYear.plusSeconds(1));
    assertThat(generalized[0]).isEqualTo((byte) 0x18);
    assertThat(new String(generalized, 2, 15, StandardCharsets.US_ASCII)).isEqualTo("20500101000000Z");
  }

  @Test
  void timesAreWrittenInUtcWhateverZoneTheyCameIn() {
    ZonedDateTime paris = ZonedDateTime.of(2030, 6, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));
    assertThat(new String(DerWriter.time(paris), 2, 13, StandardCharsets.US_ASCII))
        .isEqualTo("300601100000Z");
  }

  @Test
  void constructedElementsWrapTheirChildren() {
    assertThat(hex(DerWriter.sequence(DerWriter.booleanValue(true), DerWriter.utf8String("a")))).isEqualTo("30060101ff0c0161");
    assertThat(hex(DerWriter.explicit(3, DerWriter.sequence()))).isEqualTo("a3023000");
    assertThat(hex(DerWriter.set(DerWriter.integer(BigInteger.ONE)))).isEqualTo("3103020101");
  }
}

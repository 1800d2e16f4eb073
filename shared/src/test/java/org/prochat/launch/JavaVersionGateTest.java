package org.prochat.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaVersionGateTest {

  @Test
  void readsOldAndNewVersionSchemes() {
    assertThat(JavaVersionGate.featureVersion("1.8")).isEqualTo(8);
    assertThat(JavaVersionGate.featureVersion("17")).isEqualTo(17);
    assertThat(JavaVersionGate.featureVersion("25.0.3")).isEqualTo(25);
  }

  @Test
  void somethingUnreadableCountsAsTooOld() {
    assertThat(JavaVersionGate.featureVersion("banana")).isZero();
  }

  @Test
  void thisTestRunsOnAJavaTheGateAccepts() {
    assertThat(JavaVersionGate.featureVersion(System.getProperty("java.specification.version")))
        .isGreaterThanOrEqualTo(JavaVersionGate.REQUIRED_FEATURE);
  }
}

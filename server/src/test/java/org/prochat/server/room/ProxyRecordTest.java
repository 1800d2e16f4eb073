package org.prochat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.prochat.protocol.Report;

/** When the coordinator stops placing newcomers below a proxy. */
class ProxyRecordTest {
  private final ProxyRecord record = new ProxyRecord();

  @Test
  void oneForgingReportIsEnough() {
    record.reported("s4", Report.Kind.FORGED);

    assertThat(record.avoided()).isTrue();
  }

  @Test
  void dropsNeedTwoDifferentReportersNotOneRepeatingItself() {
    record.reported("s4", Report.Kind.DROPPED);
    record.reported("s4", Report.Kind.DROPPED);
    record.reported("s4", Report.Kind.DROPPED);
    assertThat(record.avoided()).isFalse();

    record.reported("s5", Report.Kind.DROPPED);

    assertThat(record.avoided()).isTrue();
    assertThat(record.reports()).isEqualTo(4);
  }
}

package org.prochat.server.bench;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The pieces the scenarios' {@code --json} reports share: one object per run, percentiles alike. */
final class BenchJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BenchJson() {}

  /** A report object already naming its scenario. */
  static ObjectNode report(String scenario) {
    return JSON.createObjectNode().put("scenario", scenario);
  }

  /** Puts {@code {"p50":…,"p99":…,"max":…}} under {@code name}, in the histogram's unit. */
  static void percentiles(ObjectNode report, String name, Histogram values) {
    report.putObject(name).put("p50", values.getValueAtPercentile(50)).put("p99", values.getValueAtPercentile(99))
        .put("max", values.getMaxValue());
  }

  static String write(ObjectNode report) {
    return JSON.writeValueAsString(report);
  }
}

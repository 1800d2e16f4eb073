package org.prochat.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Say;
import org.prochat.server.RawClient;
import org.prochat.server.RunningCoordinator;

/** {@code /metrics} is Prometheus text a scraper accepts, and its numbers follow the room. */
class MetricsEndpointTest extends RunningCoordinator {
  private WebViewClient web;

  @BeforeEach
  void startWithAKnownToken() throws Exception {
    start(settings -> settings.adminToken(WebAccessTest.TOKEN));
    web = new WebViewClient(coordinator);
  }

  @Test
  void metricsAreValidPrometheusText() {
    HttpResponse<String> metrics = web.get("/metrics", "Authorization", WebAccessTest.BEARER);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(PrometheusText.parse(metrics.body()))
        .containsKeys("prochat_clients", "prochat_messages_total", "prochat_sent_bytes_total", "prochat_direct_links");
  }

  @Test
  void countersFollowTheRoom() throws Exception {
    RawClient alice = join("alice");
    alice.send(new Say("m1", "one"));
    alice.send(new Say("m2", "two"));

    await().atMost(WebViewClient.WAIT).untilAsserted(() -> {
      Map<String, Double> values = PrometheusText.parse(web.get("/metrics", "Authorization", WebAccessTest.BEARER).body());
      assertThat(values).containsEntry("prochat_messages_total", 2.0).containsEntry("prochat_clients", 1.0);
    });
  }

  @Test
  void metricsNeedTheToken() {
    assertThat(web.get("/metrics").statusCode()).isEqualTo(401);
  }

  /**
   * A strict reader of the text exposition format 0.0.4, enough for unlabelled samples: every
   * line is a HELP, a TYPE or a sample; each metric has one TYPE, before its sample; names and
   * values follow the grammar; counters end in {@code _total}; the text ends with a line break.
   */
  static final class PrometheusText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.+)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ") (-?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|NaN|[+-]Inf)(?: -?[0-9]+)?");

    /** Metric name → value; throws AssertionError naming the first line that breaks the format. */
    static Map<String, Double> parse(String text) {
      assertThat(text).as("exposition ends with a line break").endsWith("\n");
      Map<String, String> types = new HashMap<>();
      Set<String> helped = new HashSet<>();
      Map<String, Double> values = new HashMap<>();
      int number = 0;
      for (String line : text.split("\n", -1)) {
        number++;
        if (line.isEmpty()) {
          continue;
        }
        Matcher m;
        if ((m = HELP.matcher(line)).matches()) {
          assertThat(helped.add(m.group(1))).as("line %d: second HELP for %s", number, m.group(1)).isTrue();
        } else if ((m = TYPE.matcher(line)).matches()) {
          assertThat(types.putIfAbsent(m.group(1), m.group(2))).as("line %d: second TYPE for %s", number, m.group(1)).isNull();
          assertThat(values).as("line %d: TYPE after a sample of %s", number, m.group(1)).doesNotContainKey(m.group(1));
          if (m.group(2).equals("counter")) {
            assertThat(m.group(1)).as("line %d: counter name", number).endsWith("_total");
          }
        } else if ((m = SAMPLE.matcher(line)).matches()) {
          assertThat(types).as("line %d: sample of %s without a TYPE", number, m.group(1)).containsKey(m.group(1));
          assertThat(values.put(m.group(1), Double.parseDouble(m.group(2))))
              .as("line %d: second sample of %s", number, m.group(1)).isNull();
        } else {
          throw new AssertionError("line " + number + " is not Prometheus text: " + line);
        }
      }
      assertThat(values.keySet()).as("every TYPE has a sample").containsExactlyInAnyOrderElementsOf(types.keySet());
      return values;
    }
  }
}

package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's line cutting, over reads that end anywhere. */
class FanoutLineSplitterTest {
  private final List<String> lines = new ArrayList<>();
  private final FanoutLineSplitter.Sink sink =
      (bytes, from, to) -> lines.add(new String(bytes, from, to - from, StandardCharsets.UTF_8));

  private void read(FanoutLineSplitter splitter, String chunk) {
    splitter.split(Unpooled.copiedBuffer(chunk, StandardCharsets.UTF_8), sink);
  }

  @Test
  void linesCutAcrossReadsComeOutWhole() {
    FanoutLineSplitter splitter = new FanoutLineSplitter(1024);

    read(splitter, "{\"a\":1}\n{\"b\"");
    read(splitter, ":2}\n");
    read(splitter, "{\"c\":3}\n{\"d\":4}\n{\"e\"");

    assertThat(lines).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "{\"d\":4}");
    read(splitter, ":5}\n");
    assertThat(lines).endsWith("{\"e\":5}");
  }

  @Test
  void aReadBiggerThanTheArrayGrowsIt() {
    FanoutLineSplitter splitter = new FanoutLineSplitter(100_000);
    String longLine = "x".repeat(20_000);

    read(splitter, longLine.substring(0, 9_000));
    read(splitter, longLine.substring(9_000) + "\nshort\n");

    assertThat(lines).containsExactly(longLine, "short");
  }

  @Test
  void findsANewlineAtEveryPlaceOfAWordAndInTheTail() {
    for (int at = 0; at < 21; at++) {
      byte[] bytes = "x".repeat(21).getBytes(StandardCharsets.US_ASCII);
      bytes[at] = '\n';
      assertThat(FanoutLineSplitter.indexOfNewline(bytes, 0, bytes.length)).as("newline at %d", at).isEqualTo(at);
      assertThat(FanoutLineSplitter.indexOfNewline(bytes, at + 1, bytes.length)).isEqualTo(-1);
    }
  }

  @Test
  void aLineOverTheLimitIsAnError() {
    FanoutLineSplitter splitter = new FanoutLineSplitter(10);

    assertThatThrownBy(() -> read(splitter, "far more than ten bytes without a newline"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("longer than 10 bytes");
  }
}

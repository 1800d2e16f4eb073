package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.ProtocolLimits;

class MessageIdSourceTest {

  @Test
  void idsNeverRepeatWithinAClientAndFitTheProtocol() {
    MessageIdSource ids = new MessageIdSource();

    Set<String> seen = new HashSet<>();
    IntStream.range(0, 10_000).forEach(i -> seen.add(ids.next()));

    assertThat(seen).hasSize(10_000).allMatch(id -> id.length() <= ProtocolLimits.MAX_ID_CHARS);
  }

  @Test
  void twoClientsStartFromDifferentPrefixes() {
    assertThat(new MessageIdSource().next()).isNotEqualTo(new MessageIdSource().next());
  }
}

package org.prochat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {

  @ParameterizedTest
  @CsvSource({
      "chat.example.org,       chat.example.org, 9090",
      "chat.example.org:7000,  chat.example.org, 7000",
      "192.168.1.20:9091,      192.168.1.20,     9091",
      "[::1]:9092,             ::1,              9092",
      "[fe80::1],              fe80::1,          9090",
      "fe80::1,                fe80::1,          9090",
  })
  void readsHostAndOptionalPort(String text, String host, int port) {
    assertThat(ServerAddress.parse(text)).isEqualTo(new ServerAddress(host, port));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "host:", "host:http", "host:0", "host:70000", ":9090", "[::1", "[::1]9090"})
  void refusesWhatIsNotAnAddressWithAReason(String text) {
    assertThatThrownBy(() -> ServerAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Exception");
  }

  @ParameterizedTest
  @CsvSource({"localhost, 9090, localhost:9090", "::1, 9090, [::1]:9090"})
  void printsAsItIsWritten(String host, int port, String written) {
    assertThat(new ServerAddress(host, port)).hasToString(written);
  }
}

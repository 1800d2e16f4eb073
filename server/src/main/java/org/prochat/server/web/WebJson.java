package org.prochat.server.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the web view. Thread-safe. */
final class WebJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private WebJson() {}

  /** {@code value} as UTF-8 JSON in a new buffer the caller owns. */
  static ByteBuf encode(Object value) {
    return Unpooled.wrappedBuffer(MAPPER.writeValueAsBytes(value));
  }
}

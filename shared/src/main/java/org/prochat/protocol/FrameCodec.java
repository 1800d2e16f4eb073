package org.prochat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns frames into single JSON lines (UTF-8, no trailing newline) and back. Thread-safe.
 *
 * <p>Decoding never throws anything but {@link FrameDecodingException}, whose violation is the error
 * to send back: unknown fields are ignored, unknown types, missing fields, bad JSON and bad UTF-8
 * are reported, each with its own {@link ErrorCode}.
 */
public final class FrameCodec {
  private static final FrameCodec INSTANCE = new FrameCodec();

  private final JsonMapper mapper =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private FrameCodec() {}

  /** The codec; it holds no per-link state, so everyone shares one. */
  public static FrameCodec instance() {
    return INSTANCE;
  }

  /** The frame as one JSON object in UTF-8, without the line's newline. */
  public byte[] encode(Frame frame) {
    return mapper.writeValueAsBytes(frame);
  }

  /** The frame as one JSON object, without the line's newline. */
  public String encodeToString(Frame frame) {
    return mapper.writeValueAsString(frame);
  }

  /** Decodes one line (newline already stripped) of UTF-8 bytes. */
  public Frame decode(byte[] line) throws FrameDecodingException {
    return decode(strictUtf8(line));
  }

  /** Decodes one line (newline already stripped). */
  public Frame decode(String line) throws FrameDecodingException {
    if (!line.stripLeading().startsWith("{")) {
      // Checked up front: Jackson would read an array as a [type, value] pair.
      throw new FrameDecodingException(ErrorCode.BAD_FRAME, "a frame must be a JSON object");
    }
    Frame frame;
    try {
      frame = mapper.readValue(line, Frame.class);
    } catch (InvalidTypeIdException e) {
      if (e.getTypeId() == null) {
        throw new FrameDecodingException(ErrorCode.BAD_FRAME, "missing field 'type'");
      }
      throw new FrameDecodingException(
          ErrorCode.UNKNOWN_TYPE, "unknown frame type '" + e.getTypeId() + "'");
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new FrameDecodingException(ErrorCode.BAD_FRAME, cause.getMessage());
    } catch (StreamReadException e) {
      throw new FrameDecodingException(ErrorCode.BAD_JSON, "not valid JSON: " + e.getOriginalMessage());
    } catch (JacksonException e) {
      throw new FrameDecodingException(ErrorCode.BAD_FRAME, "not a valid frame: " + e.getOriginalMessage());
    }
    return frame;
  }

  private static String strictUtf8(byte[] line) throws FrameDecodingException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FrameDecodingException(ErrorCode.BAD_UTF8, "the line is not valid UTF-8");
    }
  }
}

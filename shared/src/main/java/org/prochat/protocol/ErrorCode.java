package org.prochat.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Machine-readable error reasons; every one is listed in {@code shared/PROTOCOL.md}. */
public enum ErrorCode {
  /** The line is not valid JSON. */
  @JsonProperty("bad_json") BAD_JSON,
  /** The line is not UTF-8. */
  @JsonProperty("bad_utf8") BAD_UTF8,
  /** Valid JSON, but not a well-formed frame: no type, a missing or invalid field. */
  @JsonProperty("bad_frame") BAD_FRAME,
  /** The {@code type} names no frame this peer knows. */
  @JsonProperty("unknown_type") UNKNOWN_TYPE,
  /** The line exceeded {@link ProtocolLimits#MAX_LINE_BYTES}; it was discarded. */
  @JsonProperty("line_too_long") LINE_TOO_LONG,
  /** The protocol version in the first frame is not supported. */
  @JsonProperty("unsupported_version") UNSUPPORTED_VERSION,
  /** The first frame on a link must be a hello. */
  @JsonProperty("hello_required") HELLO_REQUIRED,
  /** A frame that only makes sense before joining (hello) came again, or one that needs a session came too early. */
  @JsonProperty("unexpected_frame") UNEXPECTED_FRAME,
  /** The frame names a session that does not belong to the link it came from. */
  @JsonProperty("foreign_session") FOREIGN_SESSION,
  /** An attach that the coordinator did not ask for, or with a wrong token. */
  @JsonProperty("attach_refused") ATTACH_REFUSED,
  /** A relay's secret was missing or wrong. */
  @JsonProperty("relay_refused") RELAY_REFUSED,
  /** This peer takes no (more) children. */
  @JsonProperty("no_room") NO_ROOM,
  /** The nickname breaks the length or character rules. */
  @JsonProperty("nick_invalid") NICK_INVALID,
  /** Nicknames starting with {@code *} belong to users coming through a trusted relay. */
  @JsonProperty("nick_reserved") NICK_RESERVED,
  /** The text is longer than {@link ProtocolLimits#MAX_TEXT_CODE_POINTS}. */
  @JsonProperty("text_too_long") TEXT_TOO_LONG,
  /** The text is empty or contains control characters. */
  @JsonProperty("text_invalid") TEXT_INVALID,
  /** A whisper names a user the coordinator has never seen. */
  @JsonProperty("unknown_user") UNKNOWN_USER,
  /** A text command that does not exist. */
  @JsonProperty("unknown_command") UNKNOWN_COMMAND,
  /** A known command used the wrong way. */
  @JsonProperty("bad_command") BAD_COMMAND,
  /** The sender is muted for flooding; the message was not posted. */
  @JsonProperty("muted") MUTED,
  /** The sender kept flooding while muted and is disconnected. */
  @JsonProperty("flooding") FLOODING,
  /** Too many connections from one address at once. */
  @JsonProperty("too_many_connections") TOO_MANY_CONNECTIONS,
  /** Too many new connections from one address in a short time. */
  @JsonProperty("connection_rate") CONNECTION_RATE,
  /** Nothing was heard on the link for too long. */
  @JsonProperty("timeout") TIMEOUT,
  /** This room's whispers are end-to-end encrypted: a whisper must come as a box. */
  @JsonProperty("e2e_required") E2E_REQUIRED,
  /** The link spoke plain text to a port that requires TLS; sent in plain text, then the link closes. */
  @JsonProperty("tls_required") TLS_REQUIRED,
  /** A fault inside the coordinator; the request may be retried. */
  @JsonProperty("internal") INTERNAL,
  /** A code from a newer peer that this version does not know. */
  @JsonEnumDefaultValue @JsonProperty("unknown") UNKNOWN
}

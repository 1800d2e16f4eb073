package org.prochat.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One line of the protocol. The {@code type} field names the record; see {@code shared/PROTOCOL.md}.
 *
 * <p>{@code sid} names the session a frame belongs to. On a direct link it may be omitted (the link's
 * own session is meant); a proxy relaying for others keeps it so every hop can route and check it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = Say.class, name = "say"),
    @JsonSubTypes.Type(value = Whisper.class, name = "whisper"),
    @JsonSubTypes.Type(value = Message.class, name = "message"),
    @JsonSubTypes.Type(value = PrivateMessage.class, name = "private"),
    @JsonSubTypes.Type(value = Join.class, name = "join"),
    @JsonSubTypes.Type(value = Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = Presence.class, name = "presence"),
    @JsonSubTypes.Type(value = Users.class, name = "users"),
    @JsonSubTypes.Type(value = Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = Notice.class, name = "notice"),
    @JsonSubTypes.Type(value = ErrorFrame.class, name = "error"),
    @JsonSubTypes.Type(value = Replay.class, name = "replay"),
    @JsonSubTypes.Type(value = Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = Bye.class, name = "bye"),
    @JsonSubTypes.Type(value = Candidates.class, name = "candidates"),
    @JsonSubTypes.Type(value = Probe.class, name = "probe"),
    @JsonSubTypes.Type(value = Rtts.class, name = "rtts"),
    @JsonSubTypes.Type(value = Assign.class, name = "assign"),
    @JsonSubTypes.Type(value = Attach.class, name = "attach"),
    @JsonSubTypes.Type(value = Attached.class, name = "attached"),
    @JsonSubTypes.Type(value = Detached.class, name = "detached"),
    @JsonSubTypes.Type(value = Stay.class, name = "stay"),
    @JsonSubTypes.Type(value = Sealed.class, name = "sealed"),
    @JsonSubTypes.Type(value = Chained.class, name = "chained"),
    @JsonSubTypes.Type(value = Checkpoint.class, name = "checkpoint"),
    @JsonSubTypes.Type(value = Report.class, name = "report"),
    @JsonSubTypes.Type(value = Identify.class, name = "identify"),
    @JsonSubTypes.Type(value = Identity.class, name = "identity"),
})
public sealed interface Frame
    permits Hello, Welcome, Say, Whisper, RoomEvent, PrivateMessage, Users, Ack, Notice, ErrorFrame,
        Replay, Ping, Pong, Bye, Candidates, Probe, Rtts, Assign, Attach, Attached, Detached, Stay, Sealed, Chained,
        Checkpoint, Report, Identify, Identity {

  /** The session this frame belongs to, or {@code null} for "the link's own session" or a broadcast. */
  String sid();
}

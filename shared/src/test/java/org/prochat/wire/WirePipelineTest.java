package org.prochat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Assign;
import org.prochat.protocol.Attach;
import org.prochat.protocol.Attached;
import org.prochat.protocol.Candidates;
import org.prochat.protocol.Detached;
import org.prochat.protocol.PeerAddress;
import org.prochat.protocol.Probe;
import org.prochat.protocol.Resume;
import org.prochat.protocol.Rtts;
import org.prochat.protocol.Stay;
import org.prochat.protocol.Bye;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Notice;
import org.prochat.protocol.Ping;
import org.prochat.protocol.Pong;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Replay;
import org.prochat.protocol.Say;
import org.prochat.protocol.Users;
import org.prochat.protocol.Violation;
import org.prochat.protocol.Welcome;
import org.prochat.protocol.Whisper;

class WirePipelineTest {

  static Stream<Frame> everyFrameType() {
    return Stream.of(
        new Hello(1, "alice"),
        new Hello(1, "alice", true, 9091, new Resume("s1", "t0k3n", 4), null),
        new Hello(1, "*visitor", false, null, null, "relay-secret"),
        new Welcome(1, "s1", "alice482", 17, "t0k3n", false),
        new Say("s1", "m-1", "hello room"),
        new Whisper("s1", "m-2", "bob", "psst"),
        new Message(18, 1_700_000_000_000L, "alice", "m-1", "hello room"),
        new PrivateMessage("s2", 1_700_000_000_000L, "alice", "bob", "psst", false, 3),
        new Message("s3", 12, 1_700_000_000_000L, "bob", "b-1", "a replayed copy"),
        new Join(19, 1_700_000_000_001L, "carol"),
        new Leave(20, 1_700_000_000_002L, "carol", "connection lost"),
        new Users("s1", 20, List.of("alice", "bob", "*dave")),
        new Ack("s1", "m-1", Ack.Status.POSTED, 18),
        new Notice("s1", "Online (2): alice, bob"),
        new ErrorFrame("s1", ErrorCode.MUTED, "you are muted for 30 s", "m-3", false),
        new Replay("s1", 12),
        new Ping("s1", 42),
        new Ping("s1", 43, 850L),
        new Pong("s1", 42, 20),
        new Bye("s1", "quit"),
        new Candidates("s4", List.of(new PeerAddress("s1", "alice", "10.0.0.5", 9091))),
        new Probe(1, 99),
        new Rtts("s4", List.of(new Rtts.Measured("s1", 420))),
        new Assign("s4", new PeerAddress("s1", "alice", "10.0.0.5", 9091)),
        new Assign("s4", null),
        new Attach(1, "s4", "t0k3n"),
        new Attached("s4", "alice", List.of("s4", "s7"), 20),
        new Detached("s4"),
        new Stay("s4"));
  }

  @ParameterizedTest
  @MethodSource("everyFrameType")
  void everyFrameSurvivesTheRoundTripThroughTheWire(Frame frame) {
    EmbeddedChannel sender = codecChannel();
    EmbeddedChannel receiver = codecChannel();

    sender.writeOutbound(frame);
    ByteBuf line = sender.readOutbound();
    assertThat(line.toString(StandardCharsets.UTF_8)).endsWith("\n").doesNotContain("\"sid\":null");
    receiver.writeInbound(line);

    assertThat((Object) receiver.readInbound()).isEqualTo(frame);
  }

  @Test
  void twoFramesInOneReadAndOneFrameSplitAcrossReadsAreBothDecoded() {
    EmbeddedChannel channel = codecChannel();

    channel.writeInbound(bytes("{\"type\":\"ping\",\"t\":1}\n{\"type\":\"ping\",\"t\":2}\n{\"type\":\"pi"));
    channel.writeInbound(bytes("ng\",\"t\":3}\n"));

    assertThat((Object) channel.readInbound()).isEqualTo(new Ping(null, 1));
    assertThat((Object) channel.readInbound()).isEqualTo(new Ping(null, 2));
    assertThat((Object) channel.readInbound()).isEqualTo(new Ping(null, 3));
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(decode("{\"type\":\"ping\",\"t\":5,\"colour\":\"blue\"}")).isEqualTo(new Ping(null, 5));
  }

  @Test
  void malformedJsonBecomesABadJsonViolation() {
    assertThat(violation("{\"type\":\"say\",").code()).isEqualTo(ErrorCode.BAD_JSON);
  }

  @Test
  void trailingGarbageAfterTheObjectIsBadJson() {
    assertThat(violation("{\"type\":\"ping\",\"t\":1} hello").code()).isEqualTo(ErrorCode.BAD_JSON);
  }

  @Test
  void anUnknownTypeIsReportedByName() {
    Violation violation = violation("{\"type\":\"teleport\"}");
    assertThat(violation.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
    assertThat(violation.message()).contains("teleport");
  }

  @Test
  void aFrameWithoutTypeIsABadFrame() {
    assertThat(violation("{\"nick\":\"alice\"}").code()).isEqualTo(ErrorCode.BAD_FRAME);
  }

  @Test
  void aMissingRequiredFieldIsABadFrameNamingTheField() {
    Violation violation = violation("{\"type\":\"say\",\"id\":\"m1\"}");
    assertThat(violation.code()).isEqualTo(ErrorCode.BAD_FRAME);
    assertThat(violation.message()).contains("'text'");
  }

  @Test
  void aJsonValueThatIsNotAnObjectIsABadFrame() {
    assertThat(violation("42").code()).isEqualTo(ErrorCode.BAD_FRAME);
    assertThat(violation("null").code()).isEqualTo(ErrorCode.BAD_FRAME);
    assertThat(violation("[1,2]").code()).isEqualTo(ErrorCode.BAD_FRAME);
  }

  @Test
  void aFieldOfTheWrongTypeIsABadFrame() {
    assertThat(violation("{\"type\":\"replay\",\"after\":\"yesterday\"}").code()).isEqualTo(ErrorCode.BAD_FRAME);
  }

  @Test
  void invalidUtf8IsReportedAsSuch() {
    EmbeddedChannel channel = codecChannel();
    byte[] json = "{\"type\":\"say\",\"id\":\"1\",\"text\":\"xx\"}\n".getBytes(StandardCharsets.UTF_8);
    json[json.length - 5] = (byte) 0xC3; // a lead byte followed by an ASCII quote: malformed
    json[json.length - 4] = (byte) 0x28;

    channel.writeInbound(Unpooled.wrappedBuffer(json));

    assertThat(((Violation) channel.readInbound()).code()).isEqualTo(ErrorCode.BAD_UTF8);
  }

  @Test
  void anOverLongLineIsDiscardedReportedAndTheNextLineStillDecodes() {
    EmbeddedChannel channel = codecChannel();
    String huge = "{\"type\":\"say\",\"id\":\"1\",\"text\":\"" + "x".repeat(ProtocolLimits.MAX_LINE_BYTES) + "\"}\n";

    channel.writeInbound(bytes(huge));
    channel.writeInbound(bytes("{\"type\":\"ping\",\"t\":7}\n"));

    assertThat(((Violation) channel.readInbound()).code()).isEqualTo(ErrorCode.LINE_TOO_LONG);
    assertThat((Object) channel.readInbound()).isEqualTo(new Ping(null, 7));
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  void blankLinesAreSkipped() {
    EmbeddedChannel channel = codecChannel();

    channel.writeInbound(bytes("\n\r\n{\"type\":\"ping\",\"t\":1}\n"));

    assertThat((Object) channel.readInbound()).isEqualTo(new Ping(null, 1));
    assertThat((Object) channel.readInbound()).isNull();
  }

  @Test
  void anUnknownErrorCodeFromANewerPeerDecodesAsUnknown() {
    assertThat(decode("{\"type\":\"error\",\"code\":\"quantum_flux\",\"message\":\"?\"}")).isEqualTo(new ErrorFrame(null, ErrorCode.UNKNOWN, "?", null, false));
  }

  private static Object decode(String line) {
    EmbeddedChannel channel = codecChannel();
    channel.writeInbound(bytes(line + "\n"));
    return channel.readInbound();
  }

  private static Violation violation(String line) {
    Object decoded = decode(line);
    assertThat(decoded).isInstanceOf(Violation.class);
    return (Violation) decoded;
  }

  private static EmbeddedChannel codecChannel() {
    EmbeddedChannel channel = new EmbeddedChannel();
    WirePipeline.addCodec(channel.pipeline());
    return channel;
  }

  private static ByteBuf bytes(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
  }
}

package org.prochat.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.Message;
import org.prochat.protocol.Ping;
import org.prochat.protocol.PrivateMessage;
import org.prochat.protocol.Say;
import org.prochat.protocol.Users;

/**
 * Encode and decode cost per frame type. A micro-benchmark, not a test: run it with the command in
 * the README ("Codec micro-benchmarks").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameCodecBenchmark {
  @Param({"message", "say", "ack", "private", "ping", "users"})
  public String type;

  private final FrameCodec codec = FrameCodec.instance();
  private Frame frame;
  private byte[] line;

  @Setup
  public void prepare() {
    String text = "x".repeat(64);
    frame = switch (type) {
      case "message" -> new Message(123_456, 1_795_314_529_448L, "alice", "k3j9x0q2ab-17", text);
      case "say" -> new Say("s12", "k3j9x0q2ab-17", text);
      case "ack" -> new Ack("s12", "k3j9x0q2ab-17", Ack.Status.POSTED, 123_456);
      case "private" -> new PrivateMessage("s12", 1_795_314_529_448L, "alice", "bob", text, false, 9);
      case "ping" -> new Ping("s12", 5_512_093_001L, 850L);
      case "users" -> new Users("s12", 123_456, List.of("alice", "bob", "carol", "dave", "erin", "frank"));
      default -> throw new IllegalArgumentException(type);
    };
    line = codec.encodeToString(frame).getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public byte[] encode() {
    return codec.encode(frame);
  }

  @Benchmark
  public Frame decode() throws FrameDecodingException {
    return codec.decode(line);
  }
}

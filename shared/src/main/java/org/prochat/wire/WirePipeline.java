package org.prochat.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LineBasedFrameDecoder;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.ProtocolLimits;

/** Installs the protocol codec on a pipeline; every ProChat link (chat, peer, relay) uses it. */
public final class WirePipeline {
  private WirePipeline() {}

  /**
   * Adds, in order: the line framer (discards lines over the limit without buffering them), the
   * frame decoder (emits {@link Frame}s and {@link org.prochat.protocol.Violation}s) and the encoder.
   */
  public static void addCodec(ChannelPipeline pipeline) {
    pipeline.addLast("lines", new LineBasedFrameDecoder(ProtocolLimits.MAX_LINE_BYTES, true, true));
    pipeline.addLast("frames", new FrameLineDecoder());
    pipeline.addLast("encoder", FrameEncoder.INSTANCE);
  }

  /**
   * Takes the codec off again, for a link that passes bytes through from now on. Bytes the framer
   * had already read but not yet passed on go to the next handler as they are.
   */
  public static void removeCodec(ChannelPipeline pipeline) {
    pipeline.remove("encoder");
    pipeline.remove("frames");
    pipeline.remove("lines");
  }

  /** One frame encoded as a line, to be written to many links: retain it once per write. */
  public static ByteBuf encodeLine(ByteBufAllocator alloc, Frame frame) {
    byte[] json = FrameCodec.instance().encode(frame);
    ByteBuf line = alloc.buffer(json.length + 1);
    line.writeBytes(json).writeByte('\n');
    return line;
  }

  /** Appends one frame as a line to {@code out}, which grows as needed. */
  public static void writeLine(ByteBuf out, Frame frame) {
    out.writeBytes(FrameCodec.instance().encode(frame)).writeByte('\n');
  }
}

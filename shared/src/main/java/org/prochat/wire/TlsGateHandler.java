package org.prochat.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;

/**
 * The first handler of a port that speaks TLS: it looks at the link's first byte. A TLS record
 * starts with 0x16 (a handshake) — then TLS takes its place. Anything else is plain text: let
 * through while TLS is optional, else answered with one fatal {@code tls_required} error, in plain
 * text so that a plain client can read it, and closed.
 */
public final class TlsGateHandler extends ByteToMessageDecoder {
  /** The content type of a TLS handshake record, the first byte any TLS client sends. */
  static final int TLS_HANDSHAKE = 0x16;

  private final SslContext context;
  private final BooleanSupplier required;
  private final ErrorFrame refusal;
  private boolean refused;

  /**
   * @param required asked at each new link's first byte: true refuses plain text (a peer node learns
   *     only after it started whether its uplink is TLS)
   * @param what what this port is, for the refusal: "coordinator", "relay", "peer"
   */
  public TlsGateHandler(SslContext context, BooleanSupplier required, String what) {
    this.context = Objects.requireNonNull(context, "context");
    this.required = Objects.requireNonNull(required, "required");
    this.refusal = ErrorFrame.fatal(ErrorCode.TLS_REQUIRED, "this " + what + " requires TLS");
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (refused) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (!in.isReadable()) {
      return;
    }
    if (in.getUnsignedByte(in.readerIndex()) == TLS_HANDSHAKE) {
      // Replacing passes what was read so far on to the TLS handler.
      ctx.pipeline().replace(this, "tls", TlsContexts.serverHandler(context, ctx.alloc()));
    } else if (required.getAsBoolean()) {
      refused = true;
      in.skipBytes(in.readableBytes());
      // Raw bytes: the frame encoder sits further down the pipeline, behind where TLS would go.
      ctx.writeAndFlush(WirePipeline.encodeLine(ctx.alloc(), refusal)).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.pipeline().remove(this);
    }
  }
}

package org.prochat.node;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.prochat.protocol.PeerAddress;
import org.prochat.protocol.Pong;
import org.prochat.protocol.Probe;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Rtts;
import org.prochat.wire.WirePipeline;

/**
 * Measures the round trip to candidate proxies: a few probes on a fresh link to each peer port,
 * all candidates at once; the best sample counts, as it is the one least disturbed by load. A
 * candidate that does not connect or answer in time is left out.
 */
public final class PeerProber {
  /** Probes sent to each candidate. */
  public static final int SAMPLES = 3;

  private final EventLoopGroup group;
  private final Duration timeout;

  /** @param timeout how long one candidate may take for all its samples */
  public PeerProber(EventLoopGroup group, Duration timeout) {
    this.group = Objects.requireNonNull(group);
    this.timeout = Objects.requireNonNull(timeout);
  }

  /** Completes with the candidates that answered, in the order given; never fails. */
  public CompletableFuture<List<Rtts.Measured>> probe(List<PeerAddress> candidates) {
    List<CompletableFuture<Rtts.Measured>> each = candidates.stream().map(this::probe).toList();
    return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> {
      List<Rtts.Measured> answered = new ArrayList<>();
      each.forEach(f -> {
        Rtts.Measured m = f.join();
        if (m != null) {
          answered.add(m);
        }
      });
      return answered;
    });
  }

  /** The best round trip to one candidate, or null when it did not answer. */
  private CompletableFuture<Rtts.Measured> probe(PeerAddress candidate) {
    CompletableFuture<Rtts.Measured> result = new CompletableFuture<>();
    new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            PeerLinkTls.addTo(channel, candidate);
            WirePipeline.addCodec(channel.pipeline());
            channel.pipeline().addLast(new ProbeHandler(candidate.sid(), result));
          }
        })
        .connect(candidate.host(), candidate.port())
        .addListener(connected -> {
          if (!connected.isSuccess()) {
            result.complete(null);
          }
        });
    return result.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sends one probe after another and keeps the best round trip. */
  private static final class ProbeHandler extends SimpleChannelInboundHandler<Object> {
    private final String peer;
    private final CompletableFuture<Rtts.Measured> result;
    private long best = Long.MAX_VALUE;
    private int answered;

    ProbeHandler(String peer, CompletableFuture<Rtts.Measured> result) {
      this.peer = peer;
      this.result = result;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      result.whenComplete((m, e) -> ctx.close());
      sendProbe(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof Pong pong) {
        best = Math.min(best, (System.nanoTime() - pong.t()) / 1000);
        if (++answered == SAMPLES) {
          result.complete(new Rtts.Measured(peer, best));
        } else {
          sendProbe(ctx);
        }
      }
    }

    private static void sendProbe(ChannelHandlerContext ctx) {
      ctx.writeAndFlush(new Probe(ProtocolLimits.VERSION, System.nanoTime()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      result.complete(null);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}

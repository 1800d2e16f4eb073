package org.prochat.server.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.function.Consumer;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Identify;
import org.prochat.protocol.NicknameRules;
import org.prochat.protocol.Violation;
import org.prochat.wire.WirePipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's side of one relayed user. Opens the link to the coordinator at the user's first frame;
 * passes an {@code identify} (the app asks who the coordinator is before joining) and its answer
 * on; says the user's hello there as {@code *nick} with the relay's secret (and no peer port: a
 * relayed user relays for nobody). From then on the codecs are removed and bytes pass through
 * unmodified; reads pause until the other side has taken what was read (the Netty proxy pattern).
 *
 * <p>A user who leaves ends its stream after its goodbye ({@link org.prochat.wire.HalfClose}). The
 * relay ends its stream to the coordinator the same way and reads the coordinator's link until the
 * coordinator, having read the goodbye, closes it. Closed at once instead, the relay's socket would
 * answer whatever the coordinator still writes (a checkpoint after a welcome, say) with a reset; the
 * coordinator's write fails, it drops the link with the goodbye unread, and the room announces the
 * user lost instead of gone.
 */
final class RelayFrontendHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(RelayFrontendHandler.class);

  private final RelaySettings settings;
  private final UpstreamTls upstream;
  private Channel backend;
  private boolean piping;
  /** The user ended its stream: the coordinator's link now ends when the coordinator closes it. */
  private boolean userEnded;

  RelayFrontendHandler(RelaySettings settings, UpstreamTls upstream) {
    this.settings = settings;
    this.upstream = upstream;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (piping) {
      RelayPipe.forward(ctx, backend, msg);
      return;
    }
    switch (msg) {
      case Identify identify -> upstream(ctx, coordinator -> ask(ctx.channel(), coordinator, identify));
      case Hello hello -> upstream(ctx, coordinator -> sayHello(ctx.channel(), coordinator, hello));
      case Violation violation -> ctx.writeAndFlush(violation.toFrame(null, null));
      case Frame frame -> ctx.writeAndFlush(ErrorFrame.fatal(ErrorCode.HELLO_REQUIRED, "the first frame must be a hello"))
          .addListener(ChannelFutureListener.CLOSE);
      default -> ctx.close();
    }
  }

  /** Runs {@code then} with the link to the coordinator, opening it first when there is none yet. */
  private void upstream(ChannelHandlerContext ctx, Consumer<Channel> then) {
    if (backend != null) {
      then.accept(backend);
      return;
    }
    Channel frontend = ctx.channel();
    frontend.config().setAutoRead(false);
    ChannelFuture connecting = new Bootstrap()
        .group(frontend.eventLoop())
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.AUTO_READ, false)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            upstream.addTo(channel);
            WirePipeline.addCodec(channel.pipeline());
            channel.pipeline().addLast("relay", new RelayBackendHandler(frontend));
          }
        })
        .connect(settings.upstreamHost(), settings.upstreamPort());
    connecting.addListener((ChannelFuture connected) -> {
      if (!connected.isSuccess()) {
        cannotReachCoordinator(frontend, connected.cause());
        return;
      }
      backend = connected.channel();
      backend.read(); // the coordinator's answers go back to the user: each forwarded one reads the next
      then.accept(backend);
    });
  }

  /** Passes the user's question on; the answer comes back through the backend, then the user says hello. */
  private void ask(Channel frontend, Channel coordinator, Identify identify) {
    coordinator.writeAndFlush(identify).addListener((ChannelFutureListener) sent -> {
      if (sent.isSuccess()) {
        frontend.read();
      } else {
        cannotReachCoordinator(frontend, sent.cause()); // with TLS: a refused certificate fails the first write
      }
    });
  }

  private void sayHello(Channel frontend, Channel coordinator, Hello hello) {
    // The keys pass through untouched: the user's seal is with the coordinator, not with this relay.
    Hello relayed = new Hello(hello.v(), NicknameRules.RELAYED_PREFIX + hello.nick(), false, null, hello.resume(),
        settings.secret(), null, hello.kx(), hello.wkey());
    coordinator.writeAndFlush(relayed).addListener((ChannelFutureListener) sent -> {
      if (!sent.isSuccess()) {
        // With TLS, a refused certificate fails the hello that waited for the handshake.
        cannotReachCoordinator(frontend, sent.cause());
        return;
      }
      // From here on, bytes: whatever the user already sent after the hello is passed on first.
      piping = true;
      WirePipeline.removeCodec(coordinator.pipeline());
      WirePipeline.removeCodec(frontend.pipeline());
      frontend.read();
      coordinator.read();
    });
  }

  private void cannotReachCoordinator(Channel frontend, Throwable cause) {
    log.warn("Cannot reach the coordinator at {}:{}: {}", settings.upstreamHost(), settings.upstreamPort(),
        cause.getMessage());
    frontend.writeAndFlush(ErrorFrame.fatal(ErrorCode.INTERNAL, "the relay cannot reach the coordinator"))
        .addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent) {
      userEnded(ctx);
    }
    ctx.fireUserEventTriggered(event);
  }

  private void userEnded(ChannelHandlerContext ctx) {
    if (!piping) {
      ctx.close(); // not in the room yet: there is no goodbye to pass on
      return;
    }
    userEnded = true;
    RelayPipe.endAfterFlush(backend);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    // Once the user has ended its stream, the coordinator's link ends when the coordinator closes it
    // (or after RelayPipe.END_TIMEOUT), even when the user is gone before that.
    if (backend != null && !userEnded) {
      RelayPipe.closeAfterFlush(backend);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("relayed link {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    RelayPipe.closeAfterFlush(ctx.channel());
  }
}

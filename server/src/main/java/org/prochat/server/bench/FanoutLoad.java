package org.prochat.server.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.prochat.protocol.ProtocolLimits;

/**
 * The simulated users of the fan-out benchmark, made cheap so the generator is not what is
 * measured: plain Netty links on one event loop, hellos and says written as ready-made bytes, and
 * each received line only scanned for the send time the text carries — no JSON parsing.
 *
 * <p>Senders keep a bounded number of messages in flight (counted back by the acks), or follow the
 * aggregate rate the benchmark sets. Thread-safe: every link lives on the generator's loop.
 */
final class FanoutLoad implements AutoCloseable {
  /** Messages a sender may have unacknowledged at full speed. */
  static final int IN_FLIGHT = 64;
  private static final byte[] MARK = "\"text\":\"fb ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ACK = "{\"type\":\"ack\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WELCOME = "{\"type\":\"welcome\"".getBytes(StandardCharsets.US_ASCII);

  private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("bench-load", true),
      NioIoHandler.newFactory());
  private final Recorder latency = new Recorder(3);
  private final LongAdder deliveries = new LongAdder();
  private final List<Sender> senders = new ArrayList<>();
  // Added to by the bench thread while the heartbeat task reads it on the loop.
  private final Queue<Channel> links = new ConcurrentLinkedQueue<>();
  private final String padding;
  private final ByteBuf mark = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(MARK));

  /** @param size the text size of every message, about */
  FanoutLoad(int size) {
    this.padding = "x".repeat(Math.max(1, size - 24));
  }

  /** Heartbeat of every simulated user, as real clients send it; silent links are dropped by the coordinator. */
  static final long PING_SECONDS = 15;
  private static final ByteBuf PING = Unpooled.unreleasableBuffer(
      Unpooled.copiedBuffer("{\"type\":\"ping\",\"t\":0}\n", StandardCharsets.US_ASCII));

  /** Connects {@code clients} users, the first {@code senderCount} of them senders; returns once all are welcomed. */
  void connect(String host, int port, int clients, int senderCount) throws InterruptedException {
    loop.next().scheduleAtFixedRate(() -> links.forEach(link -> link.writeAndFlush(PING.duplicate())),
        PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    CountDownLatch welcomed = new CountDownLatch(clients);
    Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true);
    for (int i = 0; i < clients; i++) {
      Sender sender = i < senderCount ? new Sender("b" + i) : null;
      Channel link = bootstrap.handler(new ChannelInitializer<SocketChannel>() {
        @Override
        protected void initChannel(SocketChannel channel) {
          channel.pipeline().addLast(new LineBasedFrameDecoder(ProtocolLimits.MAX_LINE_BYTES));
          channel.pipeline().addLast(new Receiver(sender, welcomed));
        }
      }).connect(host, port).sync().channel();
      link.writeAndFlush(Unpooled.copiedBuffer("{\"type\":\"hello\",\"v\":1,\"nick\":\"b" + i + "\"}\n",
          StandardCharsets.UTF_8));
      links.add(link);
      if (sender != null) {
        sender.link = link;
        senders.add(sender);
      }
    }
    // Each join is announced to everyone already there: N joins cost about N²/2 deliveries, so the
    // wait grows with the room (10,000 users: some 50 million deliveries before the last welcome).
    long patience = Math.max(60, clients / 50);
    if (!welcomed.await(patience, TimeUnit.SECONDS)) {
      throw new IllegalStateException("not every simulated user was welcomed within " + patience + " s");
    }
  }

  /** Starts posting: {@code rate} messages a second in all, or as fast as acks come back when 0. */
  void start(int rate) {
    if (rate == 0) {
      senders.forEach(s -> s.link.eventLoop().execute(() -> {
        s.fullSpeed = true;
        for (int i = 0; i < IN_FLIGHT; i++) {
          s.post();
        }
      }));
      return;
    }
    long started = System.nanoTime();
    long[] sent = {0};
    loop.next().scheduleAtFixedRate(() -> {
      long due = (long) ((System.nanoTime() - started) / 1e9 * rate);
      for (; sent[0] < due; sent[0]++) {
        senders.get((int) (sent[0] % senders.size())).post();
      }
    }, 1, 1, TimeUnit.MILLISECONDS);
  }

  /** How many users are still connected. */
  int connected() {
    return (int) links.stream().filter(Channel::isActive).count();
  }

  /** Deliveries counted so far (every user's copy of every message). */
  long deliveries() {
    return deliveries.sum();
  }

  /** End-to-end latencies in microseconds since the last call. */
  Histogram latencySinceLastCall() {
    return latency.getIntervalHistogram();
  }

  @Override
  public void close() {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** A posting user; only touched on the generator's loop. */
  private final class Sender {
    private final String prefix;
    private Channel link;
    private long counter;
    private boolean fullSpeed;

    Sender(String nick) {
      this.prefix = "{\"type\":\"say\",\"id\":\"" + nick + "-";
    }

    void post() {
      String line = prefix + (++counter) + "\",\"text\":\"fb " + System.nanoTime() + " " + padding + "\"}\n";
      link.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.US_ASCII));
    }
  }

  /** Counts and times deliveries; an ack lets a full-speed sender post the next one. */
  private final class Receiver extends SimpleChannelInboundHandler<ByteBuf> {
    private final Sender sender;
    private final CountDownLatch welcomed;

    Receiver(Sender sender, CountDownLatch welcomed) {
      this.sender = sender;
      this.welcomed = welcomed;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
      int at = ByteBufUtil.indexOf(mark, line);
      if (at >= 0) {
        long sent = 0;
        for (int i = at + MARK.length; i < line.writerIndex(); i++) {
          byte b = line.getByte(i);
          if (b < '0' || b > '9') {
            break;
          }
          sent = sent * 10 + (b - '0');
        }
        latency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
        deliveries.increment();
      } else if (startsWith(line, ACK)) {
        if (sender != null && sender.fullSpeed) {
          sender.post();
        }
      } else if (startsWith(line, WELCOME)) {
        welcomed.countDown();
      }
    }

    private static boolean startsWith(ByteBuf line, byte[] prefix) {
      if (line.readableBytes() < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if (line.getByte(line.readerIndex() + i) != prefix[i]) {
          return false;
        }
      }
      return true;
    }
  }
}

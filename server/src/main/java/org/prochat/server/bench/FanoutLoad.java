package org.prochat.server.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.prochat.protocol.Ping;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Say;

/**
 * The simulated users of the fan-out benchmark, made cheap so the generator is not what is
 * measured: plain Netty links on one event loop, and each received line only scanned for the send
 * time the text carries — no JSON parsing. Sealed users ({@link FanoutSealedSession}) stay as cheap
 * on the receiving side: a chained event carries the message's JSON as an escaped string, scanned
 * the same way, and checkpoints are only counted; what verifying them would cost a real client is
 * measured after the run on lines one user kept ({@link FanoutWitness}). Only a sender opens the
 * sealed frames on its own link, to find its acks.
 *
 * <p>Only a sample of the users is timed ({@link FanoutSample}); the others are counted, and at a set
 * rate read in rounds ({@link FanoutDrain}), as if they were on machines of their own. Senders are
 * always read as data comes, since their acks pace a full-speed run.
 *
 * <p>Senders keep a bounded number of messages in flight (counted back by the acks), or follow the
 * aggregate rate the benchmark sets. Thread-safe: every link lives on the generator's loop.
 */
final class FanoutLoad implements AutoCloseable {
  /** Messages a sender may have unacknowledged at full speed. */
  static final int IN_FLIGHT = 64;
  private static final byte[] CHECKPOINT = "{\"type\":\"checkpoint\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WELCOME = "{\"type\":\"welcome\"".getBytes(StandardCharsets.US_ASCII);
  /** Heartbeat of every simulated user, as real clients send it; silent links are dropped by the coordinator. */
  static final long PING_SECONDS = 15;

  private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("bench-load", true),
      NioIoHandler.newFactory());
  private final Recorder latency = new Recorder(3);
  private final LongAdder deliveries = new LongAdder();
  private final LongAdder checkpoints = new LongAdder();
  private final List<Sender> senders = new ArrayList<>();
  // Added to by the bench thread while the heartbeat task reads it on the loop.
  private final Queue<User> users = new ConcurrentLinkedQueue<>();
  private long pingSeconds;
  private final String padding;
  private final boolean sealed;
  private final FanoutTextMark mark;
  private final FanoutWitness witness;

  /**
   * @param size the text size of every message, about
   * @param sealed true when the users offer a key exchange and so get sealed sessions
   */
  FanoutLoad(int size, boolean sealed) {
    this.padding = padding(size);
    this.sealed = sealed;
    this.mark = sealed ? FanoutTextMark.CHAINED : FanoutTextMark.PLAIN;
    this.witness = sealed ? new FanoutWitness(loop.next()) : null;
  }

  /** What pads every text to about {@code size} bytes: the mark and the send time take about two dozen. */
  static String padding(int size) {
    return "x".repeat(Math.max(1, size - 24));
  }

  /** A benchmark message's text: its send time where {@link FanoutTextMark} finds it, then the padding. */
  static String text(long sentNanos, String padding) {
    return "fb " + sentNanos + " " + padding;
  }

  /**
   * Connects {@code clients} users, the first {@code senderCount} of them senders, and {@code timed}
   * of them timed ({@link FanoutSample#ALL}: every one); returns once all are welcomed.
   *
   * @param drainUntimed true to read the untimed users other than senders in rounds ({@link FanoutDrain})
   *     rather than as data comes
   */
  void connect(String host, int port, int clients, int senderCount, int timed, boolean drainUntimed)
      throws InterruptedException {
    loop.next().scheduleAtFixedRate(this::pingOneSlice, 1, 1, TimeUnit.SECONDS);
    FanoutSample sample = new FanoutSample(clients, timed);
    FanoutDrain drain = drainUntimed && sample.size() < clients ? new FanoutDrain(loop.next()) : null;
    CountDownLatch welcomed = new CountDownLatch(clients);
    Bootstrap prompt = new Bootstrap().group(loop).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true);
    Bootstrap drained = prompt.clone().option(ChannelOption.RCVBUF_ALLOCATOR, FanoutDrain.READS_TO_THE_END);
    for (int i = 0; i < clients; i++) {
      FanoutSession session = sealed ? new FanoutSealedSession() : new FanoutPlainSession();
      Sender sender = i < senderCount ? new Sender("b" + i, session) : null;
      boolean timedUser = sample.timed(i);
      boolean lazy = drain != null && !timedUser && sender == null;
      // The last to join (always timed): after its welcome it receives nothing but the measured load.
      FanoutWitness watching = i == clients - 1 ? witness : null;
      Channel link = (lazy ? drained : prompt).handler(new ChannelInitializer<SocketChannel>() {
        @Override
        protected void initChannel(SocketChannel channel) {
          Runnable joined = lazy ? () -> {
            drain.take(channel);
            welcomed.countDown();
          } : welcomed::countDown;
          channel.pipeline().addLast(new Receiver(session, sender, joined, watching, timedUser));
        }
      }).connect(host, port).sync().channel();
      link.writeAndFlush(session.hello("b" + i));
      users.add(new User(link, session));
      if (sender != null) {
        sender.link = link;
        senders.add(sender);
      }
    }
    // Every newcomer gets the list of those already there, so the wait still grows with the room,
    // though joins in a big room are announced in batches rather than each to everyone.
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

  /**
   * Pings every {@link #PING_SECONDS}-th user, a different slice each second, so each user pings
   * every {@link #PING_SECONDS} seconds but not all at once: independent clients' heartbeats are
   * spread out, and a pong for every user in one go made a burst of writes that showed as a spike in
   * the measured latency (1,000 users: broadcasts around it took 70-145 ms). Generator loop only.
   */
  private void pingOneSlice() {
    long slice = pingSeconds++ % PING_SECONDS;
    int index = 0;
    for (User user : users) {
      if (index++ % PING_SECONDS == slice) {
        user.ping();
      }
    }
  }

  /** How many users are still connected. */
  int connected() {
    return (int) users.stream().filter(user -> user.link.isActive()).count();
  }

  /** Deliveries counted so far (every user's copy of every message). */
  long deliveries() {
    return deliveries.sum();
  }

  /** Checkpoints counted so far (every user's copy of each); none unless sealed. */
  long checkpoints() {
    return checkpoints.sum();
  }

  /** The lines the witness user kept so far; empty unless sealed. */
  List<byte[]> witnessed() throws InterruptedException {
    return witness == null ? List.of() : witness.lines();
  }

  /** End-to-end latencies in microseconds since the last call, of the timed users. */
  Histogram latencySinceLastCall() {
    return latency.getIntervalHistogram();
  }

  @Override
  public void close() {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** One user's link and how it frames what it sends; its heartbeat runs on the generator's loop. */
  private record User(Channel link, FanoutSession session) {
    void ping() {
      if (session.ready()) {
        link.writeAndFlush(session.line(new Ping(null, 0)));
      }
    }
  }

  /** A posting user; only touched on the generator's loop. */
  private final class Sender {
    private final String idPrefix;
    private final FanoutSession session;
    private Channel link;
    private long counter;
    private boolean fullSpeed;

    Sender(String nick, FanoutSession session) {
      this.idPrefix = nick + "-";
      this.session = session;
    }

    void post() {
      link.writeAndFlush(session.line(new Say(idPrefix + (++counter), text(System.nanoTime(), padding))));
    }
  }

  /**
   * Counts deliveries, and times them for a timed user; counts checkpoints; an ack lets a full-speed
   * sender post the next one.
   */
  private final class Receiver extends ChannelInboundHandlerAdapter implements FanoutLineSplitter.Sink {
    private final FanoutLineSplitter lines = new FanoutLineSplitter(ProtocolLimits.MAX_LINE_BYTES);
    private final FanoutSession session;
    private final Sender sender;
    private final Runnable joined;
    private final FanoutWitness witness;
    private final boolean timed;

    /**
     * @param joined what to do once the user is welcomed
     * @param witness keeps what this user receives; null for all users but one
     */
    Receiver(FanoutSession session, Sender sender, Runnable joined, FanoutWitness witness, boolean timed) {
      this.session = session;
      this.sender = sender;
      this.joined = joined;
      this.witness = witness;
      this.timed = timed;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf chunk = (ByteBuf) msg;
      try {
        lines.split(chunk, this);
      } finally {
        chunk.release();
      }
    }

    @Override
    public void line(byte[] bytes, int from, int to) {
      if (witness != null) {
        witness.record(bytes, from, to);
      }
      long sent = mark.sentNanos(bytes, from, to);
      if (sent >= 0) {
        if (timed) {
          latency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
        }
        deliveries.increment();
      } else if (FanoutLines.startsWith(bytes, from, to, CHECKPOINT)) {
        checkpoints.increment();
      } else if (sender != null && session.acknowledges(bytes, from, to)) {
        if (sender.fullSpeed) {
          sender.post();
        }
      } else if (FanoutLines.startsWith(bytes, from, to, WELCOME)) {
        session.welcomed(Arrays.copyOfRange(bytes, from, to));
        joined.run();
      }
    }
  }
}

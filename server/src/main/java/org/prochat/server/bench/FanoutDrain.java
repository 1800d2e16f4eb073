package org.prochat.server.bench;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The links of the fan-out users that are not timed ({@link FanoutSample}), read in rounds every
 * {@link #INTERVAL_MILLIS} instead of the moment data arrives. Between rounds they have no read
 * interest (auto-read off), so what the coordinator sends them waits in the socket and a round takes
 * it in one read or a few: at a steady 100,000 deliveries a second that is a read per link every
 * 50 ms instead of one per burst, and the generator's CPU, taken from the coordinator on the same
 * cores, falls from about 0.8 of a core to under 0.5. Their deliveries are still counted; timed,
 * they would measure the round. Generator loop only.
 */
final class FanoutDrain {
  static final long INTERVAL_MILLIS = 50;
  /**
   * A round is cut into this many slices, a few milliseconds apart, each reading every tenth link: a
   * round of 500 links at once held the loop for several milliseconds, and the timed users' reads
   * waited behind it (31 of the 38 slowest broadcasts in one run overlapped a round).
   */
  static final int SLICES = 10;
  /**
   * How drained links read: Netty's own handles stop after one buffer when auto-read is off, which
   * would leave the rest for the next round and fall behind at a high rate.
   */
  static final RecvByteBufAllocator READS_TO_THE_END = new ToTheEnd();
  /** One read's buffer: at 4-5 million deliveries a second to 500 users a round would find ~80 KB on a link. */
  private static final int CHUNK_BYTES = 64 * 1024;
  /** Buffers one round reads from a link at most, so no link holds the loop for long: 1 MiB, 20 MiB/s. */
  private static final int MAX_CHUNKS = 16;

  private final List<Channel> links = new ArrayList<>();
  private int slice;

  /** Starts the rounds on {@code loop}, the loop of every link it will take. */
  FanoutDrain(EventLoop loop) {
    long every = TimeUnit.MILLISECONDS.toMicros(INTERVAL_MILLIS) / SLICES;
    loop.scheduleAtFixedRate(this::readSlice, every, every, TimeUnit.MICROSECONDS);
  }

  private void readSlice() {
    for (int i = slice; i < links.size(); i += SLICES) {
      links.get(i).read();
    }
    slice = (slice + 1) % SLICES;
  }

  /**
   * From now on reads {@code link} only in rounds; a link made with {@link #READS_TO_THE_END}, taken
   * once its user is welcomed (until then it reads as data comes, so joins are not slowed).
   */
  void take(Channel link) {
    link.config().setAutoRead(false);
    links.add(link);
  }

  /** Reads on while the last buffer came back full, auto-read or not. */
  private static final class ToTheEnd extends DefaultMaxMessagesRecvByteBufAllocator {
    @Override
    public Handle newHandle() {
      return new MaxMessageHandle() {
        private int chunks;

        @Override
        public void reset(ChannelConfig config) {
          super.reset(config);
          chunks = 0;
        }

        @Override
        public int guess() {
          return CHUNK_BYTES;
        }

        @Override
        public boolean continueReading(UncheckedBooleanSupplier maybeMoreData) {
          return ++chunks < MAX_CHUNKS && maybeMoreData.get();
        }
      };
    }
  }
}

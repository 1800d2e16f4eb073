package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/**
 * A drained link's read with auto-read off, as Netty's read loop drives it: on while buffers come
 * back full, where Netty's own handles stop after the first.
 */
class FanoutDrainTest {
  private final EmbeddedChannel link = new EmbeddedChannel();
  private final RecvByteBufAllocator.Handle reads = FanoutDrain.READS_TO_THE_END.newHandle();

  /** One pass of the read loop over {@code queued} bytes; how many buffers it filled or partly filled. */
  private int buffersRead(int queued) {
    link.config().setAutoRead(false);
    reads.reset(link.config());
    int buffers = 0;
    do {
      ByteBuf buffer = reads.allocate(UnpooledByteBufAllocator.DEFAULT);
      int read = Math.min(queued, buffer.writableBytes());
      reads.attemptedBytesRead(buffer.writableBytes());
      reads.lastBytesRead(read);
      buffer.release();
      queued -= read;
      if (read <= 0) {
        break;
      }
      reads.incMessagesRead(1);
      buffers++;
    } while (reads.continueReading());
    return buffers;
  }

  @Test
  void oneReadTakesAllThatIsQueuedWithAutoReadOff() {
    assertThat(buffersRead(300 * 1024)).as("64 KB buffers").isEqualTo(5);
    assertThat(buffersRead(1000)).isEqualTo(1);
  }

  @Test
  void oneReadStopsAtAMebibyteSoNoLinkHoldsTheLoop() {
    assertThat(buffersRead(10 << 20)).isEqualTo(16);
  }
}

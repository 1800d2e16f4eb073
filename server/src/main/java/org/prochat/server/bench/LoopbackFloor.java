package org.prochat.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * Loopback: the fan-out's steady load without ProChat. Writer threads write one message-sized line
 * per broadcast to each of N sockets over 127.0.0.1, as the coordinator writes to its links, and a
 * reader reads them as the fan-out generator does; plain java.nio, no Netty, no coordinator. At a
 * small write per socket and broadcast, the kernel's cost per write bounds how soon the last socket
 * of a broadcast is written, whatever the coordinator does: this is the latency floor of the machine,
 * the one the coordinator's steady latency is measured against.
 */
final class LoopbackFloor {
  /**
   * What to run: sockets, writer threads (each a contiguous share of the sockets, in join order),
   * broadcasts per second, seconds measured, text size (the line is the coordinator's message event
   * for it: {@link LoopbackLine}), and how many sockets are timed ({@link FanoutSample#ALL}: every one).
   */
  record Plan(int sockets, int writers, int rate, int seconds, int size, int timed) {
    int timedSockets() {
      return Math.min(timed, sockets);
    }
  }

  /**
   * What came out, over the measured broadcasts.
   *
   * @param deliveries lines of measured broadcasts read, all sockets together
   * @param missingLines lines of the whole run never read (expected none)
   * @param spanMicros per broadcast, from its stamp to the last socket written by the slowest writer
   * @param readerCpuPercent the reader thread's CPU, of one core
   */
  record Result(Plan plan, int warmUpSeconds, int lineBytes, double seconds, long deliveries, long missingLines,
      Histogram latencyMicros, List<LoopbackWriter.Tally> writers, double readerCpuPercent, Histogram spanMicros) {

    double deliveriesPerSecond() {
      return deliveries / seconds;
    }

    /** Writes that did not fit, all writers over the whole run (expected none). */
    long notFit() {
      return writers.stream().mapToLong(LoopbackWriter.Tally::notFit).sum();
    }
  }

  private final Plan plan;
  private final int warmUpSeconds;

  /**
   * @param warmUpSeconds seconds of broadcasts before measuring (the bench command: {@link
   *     FanoutBenchmark#DEFAULT_WARM_UP_SECONDS} unless --warm-up says otherwise, as fanout; tests: 0)
   */
  LoopbackFloor(Plan plan, int warmUpSeconds) {
    this.plan = plan;
    this.warmUpSeconds = warmUpSeconds;
  }

  Result run() throws IOException, InterruptedException, ExecutionException {
    long warmUp = (long) warmUpSeconds * plan.rate();
    long broadcasts = warmUp + (long) plan.seconds() * plan.rate();
    LoopbackLine line = LoopbackLine.forTextSize(plan.size());
    AtomicLongArray spans = new AtomicLongArray(Math.toIntExact(broadcasts - warmUp));
    try (LoopbackSockets sockets = LoopbackSockets.open(plan.sockets());
        LoopbackReader reader = new LoopbackReader(sockets.read(), new FanoutSample(plan.sockets(), plan.timed()),
            line, warmUp, broadcasts);
        LoopbackThreads threads = new LoopbackThreads()) {
      LoopbackThreads.Started<Histogram> reading = threads.start("bench-loopback-reader", reader);
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      long readerId = reading.thread().threadId();
      LoopbackPacer pacer = new LoopbackPacer(plan.rate(), warmUp, broadcasts, () -> cpu.getThreadCpuTime(readerId));
      List<LoopbackWriter> writers = new ArrayList<>();
      List<SocketChannel> written = sockets.written();
      for (int w = 0; w < plan.writers(); w++) {
        List<SocketChannel> share = written.subList(w * written.size() / plan.writers(),
            (w + 1) * written.size() / plan.writers());
        writers.add(new LoopbackWriter(share, line, w == 0 ? pacer : pacer.follower(), warmUp, broadcasts, spans));
      }
      List<LoopbackThreads.Started<LoopbackWriter.Tally>> writing = new ArrayList<>();
      for (int w = 0; w < writers.size(); w++) {
        writing.add(threads.start("bench-loopback-writer-" + w, writers.get(w)));
      }
      List<LoopbackWriter.Tally> tallies = new ArrayList<>();
      for (LoopbackThreads.Started<LoopbackWriter.Tally> writer : writing) {
        tallies.add(threads.result(writer));
      }
      reader.finish();
      Histogram latency = threads.result(reading);
      Histogram spanMicros = new Histogram(3);
      for (int i = 0; i < spans.length(); i++) {
        spanMicros.recordValue(spans.get(i) / 1000);
      }
      return new Result(plan, warmUpSeconds, line.length(), pacer.measuredSeconds(), reader.measuredLines(),
          reader.missingLines(), latency, tallies, pacer.readerCpuNanos() / 1e9 / pacer.measuredSeconds() * 100,
          spanMicros);
    }
  }
}

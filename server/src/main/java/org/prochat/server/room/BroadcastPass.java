package org.prochat.server.room;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.prochat.protocol.Frame;

/**
 * The room's events on their way down the carrying links (the coordinator's direct children).
 * Events are gathered into a segment ({@link BroadcastSegment}); a pass then gives each link every
 * segment it has not had yet, in one write, a chunk of links at a time, and lets the loop read
 * between chunks.
 *
 * <p>Why chunks: writing one segment to 500 links takes about 5 ms, as long as the gap between two
 * messages at 200 a second. Written in one go, each message waited to be read until the previous
 * one had reached every link (measured: half the latency at that load). Read between chunks, it is
 * gathered while the pass is under way, and the links the pass has not reached yet get it in the
 * same write as the event before: under load a write carries more events instead of the writes
 * queueing up behind one another. Each link still gets the segments in the order they were sealed.
 *
 * <p>Room loop only.
 */
final class BroadcastPass {
  /** Links written between two chances for the loop to read: about half a millisecond of writes. */
  static final int LINKS_PER_CHUNK = 64;

  private final Executor endOfTurn;
  private final Executor afterReading;
  private final BroadcastSegment open = new BroadcastSegment(PooledByteBufAllocator.DEFAULT);
  /** Walked once per pass; a list, since an array of references is the cheapest walk. */
  private final List<Link> links = new ArrayList<>();
  /** Sealed segments some link has not had yet, oldest first. */
  private final ArrayDeque<Sealed> sealed = new ArrayDeque<>();
  private long sealedSeq;
  /** Links that lack the newest sealed segment. */
  private int behind;
  /** The next link the pass visits. */
  private int cursor;
  /** Whether a pass (its start or its next chunk) is queued on the loop. */
  private boolean passQueued;
  private int verifyingLinks;
  private int plainLinks;

  BroadcastPass(EventLoop loop) {
    // A task scheduled from a task waits for the loop's next turn, which reads first; one executed
    // from a task runs in the same batch, before any reading.
    this(loop::execute, task -> loop.schedule(task, 0, TimeUnit.NANOSECONDS));
  }

  /**
   * @param endOfTurn runs a task once the loop's current turn is done
   * @param afterReading runs a task once the loop has read what came in meanwhile
   */
  BroadcastPass(Executor endOfTurn, Executor afterReading) {
    this.endOfTurn = endOfTurn;
    this.afterReading = afterReading;
  }

  boolean isEmpty() {
    return links.isEmpty();
  }

  int plainLinks() {
    return plainLinks;
  }

  int verifyingLinks() {
    return verifyingLinks;
  }

  List<Link> links() {
    return List.copyOf(links);
  }

  /** Adds {@code frame}'s line to the plain form of the segment being gathered; returns its length. */
  int addPlain(Frame frame) {
    queuePass();
    return open.addPlain(frame);
  }

  /** Adds {@code frame}'s line to the chained form of the segment being gathered; returns its length. */
  int addChained(Frame frame) {
    queuePass();
    return open.addChained(frame);
  }

  /**
   * {@code link} carries someone from now on: it gets the events gathered from now on, not those
   * gathered before.
   */
  void add(Link link, boolean verifying) {
    seal();
    link.verifying(verifying);
    link.segmentsGiven(sealedSeq);
    links.add(link);
    count(link, +1);
  }

  /** {@code link} carries no one any more: it leaves with the events gathered until now. */
  void remove(Link link) {
    writeOutTo(link);
    int index = links.indexOf(link);
    links.remove(index);
    if (index < cursor) {
      cursor--;
    }
    if (cursor >= links.size()) {
      cursor = 0;
    }
    count(link, -1);
  }

  /**
   * Gives a carrying link every event gathered so far, so that what is written to it next comes
   * after them.
   */
  void writeOutTo(Link link) {
    seal();
    if (link.segmentsGiven() < sealedSeq) {
      catchUp(link);
    }
  }

  private void count(Link link, int delta) {
    if (link.verifying()) {
      verifyingLinks += delta;
    } else {
      plainLinks += delta;
    }
  }

  private void queuePass() {
    if (!passQueued) {
      passQueued = true;
      // At the end of this turn: the events read in it go out together.
      endOfTurn.execute(this::pass);
    }
  }

  private void pass() {
    passQueued = false;
    seal();
    int written = 0;
    for (int visited = 0; behind > 0 && written < LINKS_PER_CHUNK && visited < links.size(); visited++) {
      Link link = links.get(cursor);
      cursor = (cursor + 1) % links.size();
      if (link.segmentsGiven() < sealedSeq) {
        catchUp(link);
        written++;
      }
    }
    if (behind > 0) {
      passQueued = true;
      afterReading.execute(this::pass);
    }
  }

  /** Closes the segment being gathered: from now on every link lacks it. */
  private void seal() {
    if (open.isEmpty()) {
      return;
    }
    BroadcastSegment.Gathered lines = open.take();
    if (links.isEmpty()) {
      lines.release();
      return;
    }
    sealed.addLast(new Sealed(++sealedSeq, lines, links.size()));
    behind = links.size();
  }

  /**
   * Writes {@code link} every sealed segment it lacks, in one write and one flush. Everything is
   * taken and accounted for before anything is written, so the pass's state is whole whatever a
   * write runs (an embedded channel runs queued tasks, this pass among them).
   */
  private void catchUp(Link link) {
    long given = link.segmentsGiven();
    link.segmentsGiven(sealedSeq);
    behind--;
    boolean cut = link.cutIfTooFarBehind();
    ByteBuf first = null;
    List<ByteBuf> more = null; // only when the link lacks more than one segment
    for (Sealed segment : sealed) {
      if (segment.seq > given) {
        segment.unwritten--;
        ByteBuf lines = cut ? null : segment.lines.forLink(link.verifying());
        if (lines == null) {
          continue;
        }
        if (first == null) {
          first = lines;
        } else {
          if (more == null) {
            more = new ArrayList<>(2);
          }
          more.add(lines);
        }
      }
    }
    while (!sealed.isEmpty() && sealed.peekFirst().unwritten == 0) {
      sealed.pollFirst().lines.release();
    }
    if (first != null) {
      link.writeLines(first);
      if (more != null) {
        more.forEach(link::writeLines);
      }
      link.flushLines();
    }
  }

  /** A sealed segment and how many of the links that were carrying when it was sealed still lack it. */
  private static final class Sealed {
    final long seq;
    final BroadcastSegment.Gathered lines;
    int unwritten;

    Sealed(long seq, BroadcastSegment.Gathered lines, int unwritten) {
      this.seq = seq;
      this.lines = lines;
      this.unwritten = unwritten;
    }
  }
}

package org.prochat.server.room;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.prochat.protocol.Frame;
import org.prochat.wire.WirePipeline;

/**
 * Room events broadcast since the last segment was sealed ({@link BroadcastPass}), encoded once
 * into one buffer per form (plain for links whose owner seals nothing, chained for links that
 * verify), so that each link gets them in one write. At full speed one turn of the room loop publishes dozens of events;
 * written one by one, each would cost every link a trip through its pipeline, and that work, not
 * the bytes, is what a delivery costs. Room loop only.
 */
final class BroadcastSegment {
  /** Enough for a dozen ordinary lines before the buffer has to grow. */
  private static final int INITIAL_BYTES = 2048;

  private final ByteBufAllocator alloc;
  private ByteBuf plain;
  private ByteBuf chained;

  BroadcastSegment(ByteBufAllocator alloc) {
    this.alloc = alloc;
  }

  boolean isEmpty() {
    return plain == null && chained == null;
  }

  /** Adds {@code frame}'s line to the plain form; returns its length in bytes. */
  int addPlain(Frame frame) {
    if (plain == null) {
      plain = alloc.directBuffer(INITIAL_BYTES);
    }
    return append(plain, frame);
  }

  /** Adds {@code frame}'s line to the chained form; returns its length in bytes. */
  int addChained(Frame frame) {
    if (chained == null) {
      chained = alloc.directBuffer(INITIAL_BYTES);
    }
    return append(chained, frame);
  }

  private static int append(ByteBuf form, Frame frame) {
    int before = form.writerIndex();
    WirePipeline.writeLine(form, frame);
    return form.writerIndex() - before;
  }

  /**
   * Hands the gathered lines over to be written; the segment starts empty again, so whatever runs
   * while they are written gathers a segment of its own.
   */
  Gathered take() {
    Gathered gathered = new Gathered(plain, chained);
    plain = null;
    chained = null;
    return gathered;
  }

  /** One segment's lines in each form (null: no link needs that form); release once written. */
  record Gathered(ByteBuf plain, ByteBuf chained) {
    /** The lines for one link to write (the caller owns the returned reference); null when none. */
    ByteBuf forLink(boolean verifies) {
      ByteBuf form = verifies ? chained : plain;
      return form == null ? null : form.retainedDuplicate();
    }

    void release() {
      if (plain != null) {
        plain.release();
      }
      if (chained != null) {
        chained.release();
      }
    }
  }
}

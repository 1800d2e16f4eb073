package org.prochat.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits a list of strings so that each piece, sent as a JSON array inside one frame, keeps the frame
 * well below {@link ProtocolLimits#MAX_LINE_BYTES}: a room of thousands of users does not fit one
 * line, and no peer may send a line longer than that.
 */
public final class ListChunks {
  /** Bytes of list one frame may carry; the rest of the line is the frame's other fields. */
  public static final int BUDGET_BYTES = ProtocolLimits.MAX_LINE_BYTES / 2;

  private ListChunks() {}

  /** Consecutive pieces of {@code items}, in order, each within {@link #BUDGET_BYTES}; one empty piece for none. */
  public static List<List<String>> of(List<String> items) {
    return of(items, item -> 0);
  }

  /**
   * As {@link #of(List)}, where each item brings {@code extraBytes} more in another field of the
   * same frame (a key that goes with a name).
   */
  public static List<List<String>> of(List<String> items, ToIntFunction<String> extraBytes) {
    List<List<String>> pieces = new ArrayList<>();
    List<String> piece = new ArrayList<>();
    int bytes = 0;
    for (String item : items) {
      // Quotes, comma, and room for escapes: a name or id never holds more than a few.
      int cost = item.getBytes(StandardCharsets.UTF_8).length + 8 + extraBytes.applyAsInt(item);
      if (!piece.isEmpty() && bytes + cost > BUDGET_BYTES) {
        pieces.add(piece);
        piece = new ArrayList<>();
        bytes = 0;
      }
      piece.add(item);
      bytes += cost;
    }
    pieces.add(piece);
    return pieces;
  }
}

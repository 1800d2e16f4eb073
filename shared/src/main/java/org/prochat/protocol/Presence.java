package org.prochat.protocol;

import java.util.List;

/**
 * Users who entered and left a big room, announced together: a room of thousands would otherwise
 * deliver every join to everyone, N² deliveries for N joins. {@code sid} as in {@link Message}.
 *
 * <p>Applied in one step, {@code left} before {@code joined}: a nickname in both was given up and
 * taken again by someone new within the batch.
 *
 * @param joined who entered, in the order they came
 * @param left who went, in the order they went
 */
public record Presence(String sid, long seq, long ts, List<Joined> joined, List<Left> left) implements RoomEvent {
  public Presence {
    FrameRules.nonNegative(seq, "seq");
    joined = joined == null ? List.of() : List.copyOf(joined);
    left = left == null ? List.of() : List.copyOf(left);
  }

  /** The live broadcast. */
  public Presence(long seq, long ts, List<Joined> joined, List<Left> left) {
    this(null, seq, ts, joined, left);
  }

  @Override
  public Presence addressedTo(String recipient) {
    return new Presence(recipient, seq, ts, joined, left);
  }

  /** One change in the room: someone came or went. */
  public sealed interface Change permits Joined, Left {
    String nick();
  }

  /**
   * One newcomer.
   *
   * @param wkey in a room with end-to-end whispers: the newcomer's whisper key; null otherwise
   */
  public record Joined(String nick, String wkey) implements Change {
    public Joined {
      FrameRules.required(nick, "nick");
    }
  }

  /**
   * One user gone.
   *
   * @param reason why, as in {@link Leave}
   */
  public record Left(String nick, String reason) implements Change {
    public Left {
      FrameRules.required(nick, "nick");
      FrameRules.required(reason, "reason");
    }
  }
}

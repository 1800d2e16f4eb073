package org.prochat.overlay;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.prochat.node.RelayTap;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;

/**
 * A proxy's owner who reads everything passing through and tampers with what goes down as the test
 * says. Runs on the proxy's loop; the test thread changes the plan.
 */
final class DishonestTap implements RelayTap {
  private final ConcurrentLinkedQueue<String> captured = new ConcurrentLinkedQueue<>();
  private volatile Function<Frame, List<Frame>> plan = List::of;
  private volatile Function<Frame, List<Frame>> upPlan = List::of;

  /** From now on, what goes down in place of each frame. */
  void plan(Function<Frame, List<Frame>> downward) {
    this.plan = downward;
  }

  /** From now on, what goes up in place of each frame. */
  void planUp(Function<Frame, List<Frame>> upward) {
    this.upPlan = upward;
  }

  /** Every frame this proxy relayed, both ways, as the bytes it saw. */
  String captured() {
    return String.join("\n", captured);
  }

  @Override
  public List<Frame> down(Frame frame) {
    capture(frame);
    return plan.apply(frame);
  }

  @Override
  public List<Frame> up(Frame frame) {
    capture(frame);
    return upPlan.apply(frame);
  }

  private void capture(Frame frame) {
    captured.add(new String(FrameCodec.instance().encode(frame), StandardCharsets.UTF_8));
  }
}

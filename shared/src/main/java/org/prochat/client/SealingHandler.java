package org.prochat.client;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.function.Supplier;
import org.prochat.crypto.CryptoFailure;
import org.prochat.protocol.Attach;
import org.prochat.protocol.Attached;
import org.prochat.protocol.Chained;
import org.prochat.protocol.Checkpoint;
import org.prochat.protocol.Detached;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Identify;
import org.prochat.protocol.Identity;
import org.prochat.protocol.Probe;
import org.prochat.protocol.Sealed;
import org.prochat.protocol.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals what this session sends and opens what is sealed for it, once the session has a key, so the
 * handlers after it see plain frames that are known to come from the coordinator. Frames that pass
 * unopened: sealed frames for other sessions and the hash-chained broadcasts (this node relays them;
 * the session verifies the chain itself), and routing frames a proxy must read. A plain frame the
 * coordinator would have sealed was made up on the way: it is dropped and reported as forged.
 *
 * <p>What a link to a proxy says in plain (its refusals) is the proxy's own word, not the
 * coordinator's: logged, never taken as the session's. One instance per link, on the client's loop.
 */
final class SealingHandler extends ChannelDuplexHandler {
  private static final Logger log = LoggerFactory.getLogger(SealingHandler.class);

  /** Told when a frame on a link fails its seal or should have had one. */
  interface ForgeryWitness {
    void forged(io.netty.channel.Channel channel, String what);
  }

  private final SessionKeys keys;
  private final Supplier<String> sid;
  private final LinkKeeper.Role role;
  private final ForgeryWitness witness;

  SealingHandler(SessionKeys keys, Supplier<String> sid, LinkKeeper.Role role, ForgeryWitness witness) {
    this.keys = keys;
    this.sid = sid;
    this.role = role;
    this.witness = witness;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof Frame frame) || !keys.keyed()
        || (frame.sid() != null && !frame.sid().equals(sid.get()) && !(frame instanceof Welcome))) {
      ctx.fireChannelRead(msg); // nothing to check yet, or for a session below this node: it checks its own
      return;
    }
    switch (frame) {
      case Sealed sealed -> open(ctx, sealed);
      case Chained chained -> ctx.fireChannelRead(chained);
      case Checkpoint checkpoint -> ctx.fireChannelRead(checkpoint);
      case Attached attached -> ctx.fireChannelRead(attached); // routing; our own carries a proof
      // A new direct link says who the coordinator is and welcomes us before a key is agreed on it.
      case Identity identity when role == LinkKeeper.Role.BOOTSTRAP -> ctx.fireChannelRead(identity);
      case Welcome welcome when role == LinkKeeper.Role.BOOTSTRAP -> ctx.fireChannelRead(welcome);
      case ErrorFrame error when role == LinkKeeper.Role.BOOTSTRAP -> ctx.fireChannelRead(error);
      case ErrorFrame fromProxy -> {
        log.info("the proxy at {} says: {}", ctx.channel().remoteAddress(), fromProxy.message());
        if (fromProxy.fatal()) {
          ctx.close(); // it refuses us: the keeper stays direct or reconnects
        }
      }
      default -> witness.forged(ctx.channel(), "an unsealed '" + frame.getClass().getSimpleName() + "'");
    }
  }

  private void open(ChannelHandlerContext ctx, Sealed sealed) {
    Frame inner;
    try {
      inner = keys.seal().open(sealed);
    } catch (CryptoFailure e) {
      witness.forged(ctx.channel(), e.getMessage());
      return;
    }
    ctx.fireChannelRead(inner);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof Frame frame && keys.keyed() && ownsToSeal(frame)) {
      ctx.write(keys.seal().seal(sid.get(), frame), promise);
    } else {
      ctx.write(msg, promise);
    }
  }

  /**
   * This session's own frames, except those proxies must read (attach) or that open a link (identify,
   * hello, probe). What the node relays for children is theirs: already sealed, or routing (detached).
   */
  private boolean ownsToSeal(Frame frame) {
    if (frame instanceof Identify || frame instanceof Hello || frame instanceof Attach || frame instanceof Probe
        || frame instanceof Detached || frame instanceof Sealed) {
      return false;
    }
    return frame.sid() == null || frame.sid().equals(sid.get());
  }
}

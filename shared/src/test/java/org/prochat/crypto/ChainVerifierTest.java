package org.prochat.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Chained;
import org.prochat.protocol.Checkpoint;
import org.prochat.protocol.Join;
import org.prochat.protocol.Message;
import org.prochat.protocol.RoomEvent;

/** Chained events are shown only once a signed checkpoint vouches for them. */
class ChainVerifierTest {
  private final IdentityKey identity = IdentityKey.generate();
  private final EventChain chain = new EventChain();
  private final ChainVerifier verifier;

  ChainVerifierTest() throws CryptoFailure {
    verifier = new ChainVerifier(PublicKeys.decode(identity.publicKey(), "Ed25519"));
  }

  @Test
  void eventsWaitForTheirCheckpointThenComeOutInOrder() {
    Chained one = chain.append(message(1, "hello"));
    Chained two = chain.append(message(2, "world"));
    assertThat(verifier.hold(two)).isTrue();
    assertThat(verifier.hold(one)).isTrue();

    ChainVerifier.Verdict verdict = verifier.settle(checkpoint());

    assertThat(verdict.verified()).containsExactly(message(1, "hello"), message(2, "world"));
    assertThat(verdict.forged()).isZero();
    assertThat(verifier.held()).isZero();
  }

  @Test
  void eventsHeldUpToARoomHeadAwaitTheirCheckpointUntilThePatienceRunsOut() {
    verifier.hold(chain.append(message(1, "hello")));
    verifier.hold(chain.append(message(2, "world")));
    long patience = 3_000_000_000L;
    long now = System.nanoTime();

    assertThat(verifier.awaitsCheckpointThrough(2, now, patience)).isTrue();
    assertThat(verifier.awaitsCheckpointThrough(3, now, patience)).as("a head beyond what came").isFalse();
    assertThat(verifier.awaitsCheckpointThrough(2, now + patience, patience)).as("the checkpoint is overdue").isFalse();
  }

  @Test
  void nothingHeldAwaitsNoCheckpoint() {
    assertThat(verifier.awaitsCheckpointThrough(0, System.nanoTime(), 3_000_000_000L)).isFalse();
  }

  @Test
  void aRewrittenEventIsForgedAndTheRestOfTheChainStillChecksOut() {
    Chained real = chain.append(message(1, "pay alice"));
    Chained after = chain.append(new Join(2, 0, "carol"));
    Chained rewritten = new Chained(real.prev(), real.body().replace("alice", "mallory"));
    verifier.hold(rewritten);
    verifier.hold(after);

    ChainVerifier.Verdict verdict = verifier.settle(checkpoint());

    assertThat(verdict.verified()).containsExactly(new Join(2, 0, "carol"));
    assertThat(verdict.forged()).isEqualTo(1);
  }

  @Test
  void anInjectedEventBesideTheRealOneIsForged() {
    Chained real = chain.append(message(1, "real"));
    verifier.hold(real);
    verifier.hold(new Chained(real.prev(), real.body().replace("real", "fake")));

    ChainVerifier.Verdict verdict = verifier.settle(checkpoint());

    assertThat(verdict.verified()).containsExactly(message(1, "real"));
    assertThat(verdict.forged()).isEqualTo(1);
  }

  @Test
  void aCheckpointNotSignedByThePinnedIdentityReleasesNothing() {
    verifier.hold(chain.append(message(1, "hello")));
    Checkpoint fake = EventChain.sign(IdentityKey.generate(), chain.headSeq(), chain.head());

    ChainVerifier.Verdict verdict = verifier.settle(fake);

    assertThat(verdict.badSignature()).isTrue();
    assertThat(verdict.verified()).isEmpty();
    assertThat(verifier.held()).isEqualTo(1);
  }

  @Test
  void anEventWhoseChainCanNotBeFollowedIsDroppedWithoutBlame() {
    Chained lost = chain.append(message(1, "lost on the way"));
    Chained second = chain.append(message(2, "second"));
    chain.append(message(3, "third, dropped on the way"));
    verifier.hold(second);

    ChainVerifier.Verdict verdict = verifier.settle(checkpoint());

    assertThat(lost).isNotNull();
    assertThat(verdict.verified()).isEmpty();
    assertThat(verdict.forged()).isZero();
    assertThat(verifier.held()).isZero();
  }

  @Test
  void somethingThatIsNotAChainedRoomEventIsRefusedAtOnce() {
    assertThat(verifier.hold(new Chained(chain.append(message(1, "x")).prev(), "{\"type\":\"ping\",\"t\":1}"))).isFalse();
    assertThat(verifier.hold(new Chained("not base64!", "{\"type\":\"join\",\"seq\":1,\"ts\":0,\"nick\":\"a\"}"))).isFalse();
  }

  @Test
  void aCheckpointCoveringNothingHeldCostsNoSignatureCheck() {
    chain.append(message(1, "x"));
    Checkpoint unsigned = new Checkpoint(chain.headSeq(), "aGFzaA==", "bm90IGEgc2lnbmF0dXJl");

    assertThat(verifier.settle(unsigned)).isEqualTo(new ChainVerifier.Verdict(List.<RoomEvent>of(), 0, false));
  }

  @Test
  void aCheckpointCanBeCheckedOnItsOwnToLearnHowFarTheRoomIs() {
    chain.append(message(1, "x"));

    assertThat(verifier.signed(checkpoint())).isTrue();
    assertThat(verifier.signed(EventChain.sign(IdentityKey.generate(), chain.headSeq(), chain.head()))).isFalse();
    assertThat(verifier.signed(new Checkpoint(1, "aGFzaA==", "not base64!"))).isFalse();
  }

  private Checkpoint checkpoint() {
    return EventChain.sign(identity, chain.headSeq(), chain.head());
  }

  private static Message message(long seq, String text) {
    return new Message(seq, 0, "bob", "b-" + seq, text);
  }
}

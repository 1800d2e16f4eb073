package org.prochat.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.Ack;
import org.prochat.protocol.Frame;
import org.prochat.protocol.Say;
import org.prochat.protocol.Sealed;

/** Both ends of the key exchange arrive at one key; what it seals can't be read, altered or replayed. */
class FrameSealTest {
  private final CoordinatorExchange coordinatorKeys = CoordinatorExchange.forRun(IdentityKey.generate());
  private final KeyPair clientPair = KeyExchange.newPair();
  private final String clientKey = PublicKeys.encode(clientPair.getPublic());
  private final FrameSeal coordinator = coordinatorKeys.sealFor("s1", clientKey);
  private final FrameSeal client = FrameSeal.clientSide(KeyExchange.agree(clientPair.getPrivate(),
      coordinatorKeys.exchangeKey(), clientKey, coordinatorKeys.exchangeKey(), "s1"));

  FrameSealTest() throws CryptoFailure {}

  @Test
  void whatOneSideSealsTheOtherOpensAndTheBoxHidesTheWords() throws CryptoFailure {
    Sealed sealed = client.seal("s1", new Say(null, "c-1", "meet me at noon"));

    assertThat(new String(Base64.getDecoder().decode(sealed.box()))).doesNotContain("noon");
    assertThat(sealed.box()).doesNotContain("noon");
    assertThat(coordinator.open(sealed)).isEqualTo(new Say(null, "c-1", "meet me at noon"));
    Frame ack = client.open(coordinator.seal("s1", new Ack("s1", "c-1", Ack.Status.POSTED, 4)));
    assertThat(ack).isEqualTo(new Ack("s1", "c-1", Ack.Status.POSTED, 4));
  }

  @Test
  void anAlteredBoxIsRefused() {
    Sealed sealed = client.seal("s1", new Say(null, "c-1", "meet me at noon"));
    byte[] box = Base64.getDecoder().decode(sealed.box());
    box[3] ^= 1;

    assertThatThrownBy(() -> coordinator.open(new Sealed("s1", sealed.n(), Base64.getEncoder().encodeToString(box))))
        .isInstanceOf(CryptoFailure.class).hasMessageContaining("altered");
  }

  @Test
  void aBoxSentTwiceIsOpenedOnce() throws CryptoFailure {
    Sealed sealed = client.seal("s1", new Say(null, "c-1", "once"));
    coordinator.open(sealed);

    assertThatThrownBy(() -> coordinator.open(sealed)).isInstanceOf(CryptoFailure.class).hasMessageContaining("replay");
  }

  @Test
  void aBoxCanNotBeReflectedBackToItsSenderNorMovedToAnotherSession() throws CryptoFailure {
    Sealed sealed = client.seal("s1", new Say(null, "c-1", "mine"));
    KeyPair otherPair = KeyExchange.newPair();
    FrameSeal otherSession = coordinatorKeys.sealFor("s2", PublicKeys.encode(otherPair.getPublic()));

    assertThatThrownBy(() -> client.open(sealed)).isInstanceOf(CryptoFailure.class);
    assertThatThrownBy(() -> otherSession.open(new Sealed("s2", sealed.n(), sealed.box())))
        .isInstanceOf(CryptoFailure.class);
  }

  @Test
  void boxesArrivingOutOfOrderAreStillOpenedEachOnce() throws CryptoFailure {
    Sealed first = client.seal("s1", new Say(null, "c-1", "one"));
    Sealed second = client.seal("s1", new Say(null, "c-2", "two"));

    assertThat(coordinator.open(second)).isEqualTo(new Say(null, "c-2", "two"));
    assertThat(coordinator.open(first)).isEqualTo(new Say(null, "c-1", "one"));
    assertThatThrownBy(() -> coordinator.open(first)).isInstanceOf(CryptoFailure.class);
  }

  @Test
  void proofsHoldForTheirStatementOnly() {
    String proof = client.prove("attach|s1|s7");

    assertThat(coordinator.proves("attach|s1|s7", proof)).isTrue();
    assertThat(coordinator.proves("attach|s1|s8", proof)).isFalse();
    assertThat(coordinator.proves("attach|s1|s7", "not base64!")).isFalse();
  }

  @Test
  void aSmallOrderOrMalformedClientKeyIsRefused() {
    String zeroKey = Base64.getEncoder().encodeToString(new byte[] {48, 42, 48, 5, 6, 3, 43, 101, 110, 3, 33, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});

    assertThatThrownBy(() -> coordinatorKeys.sealFor("s3", zeroKey)).isInstanceOf(CryptoFailure.class);
    assertThatThrownBy(() -> coordinatorKeys.sealFor("s3", "garbage")).isInstanceOf(CryptoFailure.class);
  }
}

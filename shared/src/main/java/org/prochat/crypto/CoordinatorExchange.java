package org.prochat.crypto;

import java.security.KeyPair;
import java.util.Base64;

/**
 * The coordinator's side of the key exchange: one X25519 key per run, signed by its identity once at
 * start (a signature costs most of a millisecond; signing each welcome would slow every join). Each
 * session's key comes from it and the client's own fresh key ({@link KeyExchange#agree}).
 *
 * @param identity who the coordinator is
 * @param exchangeKey the exchange key's public half, as welcomes carry it
 * @param signature base64 of the identity's signature over {@link KeyExchange#signedStatement}
 */
public record CoordinatorExchange(IdentityKey identity, KeyPair pair, String exchangeKey, String signature) {

  /** A fresh exchange key for this run, signed by {@code identity}. */
  public static CoordinatorExchange forRun(IdentityKey identity) {
    KeyPair pair = KeyExchange.newPair();
    String exchangeKey = PublicKeys.encode(pair.getPublic());
    String signature = Base64.getEncoder().encodeToString(identity.sign(KeyExchange.signedStatement(exchangeKey)));
    return new CoordinatorExchange(identity, pair, exchangeKey, signature);
  }

  /**
   * The seal for session {@code sid} whose client offered {@code clientKey}.
   *
   * @throws CryptoFailure when the client's key is not a usable X25519 key
   */
  public FrameSeal sealFor(String sid, String clientKey) throws CryptoFailure {
    return FrameSeal.coordinatorSide(KeyExchange.agree(pair.getPrivate(), clientKey, clientKey, exchangeKey, sid));
  }
}

package org.prochat.client;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import org.prochat.crypto.ChainVerifier;
import org.prochat.crypto.CryptoFailure;
import org.prochat.crypto.FrameSeal;
import org.prochat.crypto.KeyExchange;
import org.prochat.crypto.PublicKeys;
import org.prochat.crypto.Signatures;
import org.prochat.crypto.WhisperKey;
import org.prochat.protocol.Welcome;

/**
 * A client's keys for one coordinator: a fresh exchange key for each hello, the pinned identity the
 * welcome must show, and from the welcome on the session's {@link FrameSeal} (which no proxy holds)
 * and the {@link ChainVerifier} for the room's signed broadcasts. Client loop only.
 */
final class SessionKeys {
  private final ServerAddress server;
  private final ClientTrust trust;
  private KeyPair offered;
  private String offeredKey;
  private FrameSeal seal;
  private ChainVerifier chain;
  private String identity;
  private boolean endToEnd;

  SessionKeys(ServerAddress server, ClientTrust trust) {
    this.server = server;
    this.trust = trust;
  }

  /** A new exchange key for the next hello; returns its public half. */
  String offer() {
    offered = KeyExchange.newPair();
    offeredKey = PublicKeys.encode(offered.getPublic());
    return offeredKey;
  }

  /** This user's whisper key, offered in every hello. */
  WhisperKey whisperKey() {
    return trust.whisperKey();
  }

  /**
   * Checks the welcome's identity against the pin (pinning it on first contact) and its signature on
   * the exchange key, and agrees on the session key.
   *
   * @return true when the identity was pinned just now (first contact)
   * @throws ServerKeyChangedException when the identity is not the pinned one
   * @throws CryptoFailure when the welcome's keys don't check out
   */
  boolean welcomed(Welcome welcome) throws ServerKeyChangedException, CryptoFailure {
    if (welcome.key() == null || welcome.kx() == null || welcome.kxSig() == null || offered == null) {
      throw new CryptoFailure("the welcome carries no keys: this coordinator does not seal, or someone removed them");
    }
    Optional<String> pinned = trust.pins().pinned(server);
    if (pinned.isPresent() && !pinned.get().equals(welcome.key())) {
      throw new ServerKeyChangedException(server, pinned.get(), welcome.key());
    }
    PublicKey key = PublicKeys.decode(welcome.key(), "Ed25519");
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(welcome.kxSig());
    } catch (IllegalArgumentException e) {
      throw new CryptoFailure("the welcome's signature is not base64");
    }
    if (!Signatures.verifies(key, KeyExchange.signedStatement(welcome.kx()), signature)) {
      throw new CryptoFailure("the welcome's exchange key is not signed by the coordinator's identity");
    }
    seal = FrameSeal.clientSide(
        KeyExchange.agree(offered.getPrivate(), welcome.kx(), offeredKey, welcome.kx(), welcome.sid()));
    offered = null;
    if (!welcome.key().equals(identity)) {
      chain = new ChainVerifier(key);
      identity = welcome.key();
    }
    endToEnd = welcome.endToEnd();
    if (pinned.isEmpty()) {
      trust.pins().pin(server, welcome.key());
      return true;
    }
    return false;
  }

  /** True once a welcome gave this session a key: from then on everything is sealed or signed. */
  boolean keyed() {
    return seal != null;
  }

  FrameSeal seal() {
    return seal;
  }

  ChainVerifier chain() {
    return chain;
  }

  /** The coordinator identity's fingerprint, once welcomed. */
  String fingerprint() {
    return identity == null ? null : PublicKeys.fingerprint(identity);
  }

  boolean endToEnd() {
    return endToEnd;
  }
}

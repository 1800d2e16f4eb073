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
import org.prochat.protocol.Identity;
import org.prochat.protocol.Welcome;

/**
 * A client's keys for one coordinator: the pinned identity it must show before each hello, a fresh
 * exchange key for each hello, and from the welcome on the session's {@link FrameSeal} (which no
 * proxy holds) and the {@link ChainVerifier} for the room's signed broadcasts. Client loop only.
 */
final class SessionKeys {
  private final ServerAddress server;
  private final ClientTrust trust;
  private KeyPair offered;
  private String offeredKey;
  private FrameSeal seal;
  private ChainVerifier chain;
  private String identity;
  private String exchangeKey;
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
   * Checks the coordinator's identity against the pin (pinning it on first contact) and its
   * signature on the exchange key. Comes before the hello, so a refused coordinator never sees one.
   *
   * @return true when the identity was pinned just now (first contact)
   * @throws ServerKeyChangedException when the identity is not the pinned one
   * @throws CryptoFailure when the identity's keys don't check out
   */
  boolean identified(Identity presented) throws ServerKeyChangedException, CryptoFailure {
    Optional<String> pinned = trust.pins().pinned(server);
    if (pinned.isPresent() && !pinned.get().equals(presented.key())) {
      throw new ServerKeyChangedException(server, pinned.get(), presented.key());
    }
    PublicKey key = PublicKeys.decode(presented.key(), "Ed25519");
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(presented.kxSig());
    } catch (IllegalArgumentException e) {
      throw new CryptoFailure("the coordinator's signature is not base64");
    }
    if (!Signatures.verifies(key, KeyExchange.signedStatement(presented.kx()), signature)) {
      throw new CryptoFailure("the coordinator's exchange key is not signed by its identity");
    }
    if (!presented.key().equals(identity)) {
      chain = trust.checksSignatures() ? new ChainVerifier(key) : ChainVerifier.withoutSignatureChecks();
    }
    identity = presented.key();
    exchangeKey = presented.kx();
    endToEnd = presented.e2e();
    if (pinned.isEmpty()) {
      trust.pins().pin(server, presented.key());
      return true;
    }
    return false;
  }

  /**
   * Agrees on the session key with the identified coordinator's exchange key.
   *
   * @throws CryptoFailure when the welcome is not from the coordinator identified on this link
   */
  void welcomed(Welcome welcome) throws CryptoFailure {
    if (offered == null || exchangeKey == null || !exchangeKey.equals(welcome.kx()) || !identity.equals(welcome.key())) {
      throw new CryptoFailure("the welcome does not come with the keys the coordinator identified itself with");
    }
    seal = FrameSeal.clientSide(
        KeyExchange.agree(offered.getPrivate(), exchangeKey, offeredKey, exchangeKey, welcome.sid()));
    offered = null;
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

package org.prochat.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * End-to-end whispers: the words sealed with a key only the two users can work out (X25519 of one's
 * whisper key with the other's, through HKDF-SHA256), under ChaCha20-Poly1305 with a random nonce.
 * The box is bound to the sender's and the recipient's public keys, in that order, so it can't be
 * passed off as coming from someone else. Neither proxies nor the coordinator can open it.
 */
public final class WhisperBox {
  private static final int NONCE_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private WhisperBox() {}

  /** {@code words} from {@code sender} to the holder of {@code recipientKey}, as base64. */
  public static String seal(WhisperKey sender, String recipientKey, String words) throws CryptoFailure {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, sender, recipientKey, sender.publicKey(), recipientKey, nonce,
        words.getBytes(StandardCharsets.UTF_8));
    byte[] box = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
    System.arraycopy(sealed, 0, box, NONCE_BYTES, sealed.length);
    return Base64.getEncoder().encodeToString(box);
  }

  /**
   * The words in {@code box}, sealed by the holder of {@code senderKey} for {@code recipient}.
   *
   * @throws CryptoFailure when the box was altered, is not for this recipient, or not from that sender
   */
  public static String open(WhisperKey recipient, String senderKey, String box) throws CryptoFailure {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(box);
    } catch (IllegalArgumentException e) {
      throw new CryptoFailure("the whisper box is not base64");
    }
    if (bytes.length < NONCE_BYTES + 16) {
      throw new CryptoFailure("the whisper box is too short");
    }
    byte[] plain = run(Cipher.DECRYPT_MODE, recipient, senderKey, senderKey, recipient.publicKey(),
        Arrays.copyOf(bytes, NONCE_BYTES), Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length));
    return new String(plain, StandardCharsets.UTF_8);
  }

  private static byte[] run(int mode, WhisperKey mine, String theirs, String fromKey, String toKey, byte[] nonce,
      byte[] input) throws CryptoFailure {
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("X25519");
      agreement.init(mine.pair().getPrivate());
      agreement.doPhase(PublicKeys.decode(theirs, "X25519"), true);
      byte[] key = KDF.getInstance("HKDF-SHA256").deriveData(HKDFParameterSpec.ofExtract()
          .addIKM(agreement.generateSecret())
          .addSalt("prochat whisper v1".getBytes(StandardCharsets.UTF_8))
          .thenExpand(new byte[0], 32));
      Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
      cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
      cipher.updateAAD((fromKey + "|" + toKey).getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw new CryptoFailure("the whisper box was altered, or is not for this key");
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("the whisper box can't be used: " + e.getMessage(), e);
    }
  }
}

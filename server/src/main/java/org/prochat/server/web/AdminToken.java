package org.prochat.server.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret that opens the web view. It travels in a cookie and an {@code Authorization} header,
 * so it is limited to URL-safe characters; it is long enough that guessing is hopeless.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the secret.
 */
public final class AdminToken {
  /** Fewer characters than this are refused: a short admin token could be guessed. */
  public static final int MIN_LENGTH = 16;
  private static final int MAX_LENGTH = 256;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._~-]+");

  private final String value;
  private final byte[] digest;

  private AdminToken(String value) {
    this.value = value;
    this.digest = sha256(value);
  }

  /**
   * The token {@code value}.
   *
   * @throws IllegalArgumentException when it is shorter than {@link #MIN_LENGTH}, very long, or has
   *     characters other than letters, digits and {@code . _ ~ -}
   */
  public static AdminToken of(String value) {
    if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the admin token must have " + MIN_LENGTH + " to " + MAX_LENGTH
          + " characters, got " + value.length());
    }
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException("the admin token may only hold letters, digits and . _ ~ -");
    }
    return new AdminToken(value);
  }

  /** A fresh random token: 256 bits, base64url. */
  public static AdminToken generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return new AdminToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * Whether {@code candidate} is this token, in time that depends on neither its content nor its
   * length: both sides are hashed first, so the comparison always runs over 32 bytes.
   *
   * @param candidate what a request presented; null never matches
   */
  public boolean matches(String candidate) {
    return candidate != null && MessageDigest.isEqual(digest, sha256(candidate));
  }

  /** The secret itself, for the token file, the login cookie and the one log line that shows it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "AdminToken[hidden]";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

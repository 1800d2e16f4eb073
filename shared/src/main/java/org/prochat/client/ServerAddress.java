package org.prochat.client;

import java.util.Objects;

/**
 * Where a coordinator listens.
 *
 * @param host a host name or an IP address (IPv6 without brackets)
 * @param port 1 to 65535
 */
public record ServerAddress(String host, int port) {
  /** The coordinator's chat port when none is given. */
  public static final int DEFAULT_PORT = 9090;

  public ServerAddress {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the host name is empty");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("the port must be 1 to 65535, got " + port);
    }
  }

  /**
   * Reads {@code HOST}, {@code HOST:PORT}, {@code [IPv6]} or {@code [IPv6]:PORT}; without a port,
   * {@link #DEFAULT_PORT}.
   *
   * @throws IllegalArgumentException with a sentence saying what is wrong
   */
  public static ServerAddress parse(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("[")) {
      int close = trimmed.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + text + "' opens '[' but never closes it");
      }
      String rest = trimmed.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new IllegalArgumentException("expected ':PORT' after ']' in '" + text + "'");
      }
      return new ServerAddress(trimmed.substring(1, close), rest.isEmpty() ? DEFAULT_PORT : port(rest.substring(1)));
    }
    int colon = trimmed.indexOf(':');
    // No colon: just a host. Several: a bare IPv6 address, whose colons are not a port.
    if (colon < 0 || trimmed.indexOf(':', colon + 1) >= 0) {
      return new ServerAddress(trimmed, DEFAULT_PORT);
    }
    return new ServerAddress(trimmed.substring(0, colon), port(trimmed.substring(colon + 1)));
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the port must be a number, got '" + text + "'");
    }
  }

  /** {@code host:port}, with brackets around an IPv6 address. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}

package org.prochat.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.prochat.server.overlay.OverlayLimits;
import org.prochat.server.tls.TlsSetting;
import org.prochat.server.web.AdminToken;

/**
 * Everything a coordinator can be told, with the defaults an admin gets without a flag.
 *
 * @param bindAddresses where the chat port listens; empty means every interface
 * @param chatPort the chat port (0 picks a free one, for tests)
 * @param httpPort the web view's HTTP port (0 picks a free one)
 * @param wsPort the web view's WebSocket port (0 picks a free one)
 * @param httpBind where both web view ports listen; loopback by default, since the view shows whispers
 * @param adminToken the web view's admin token; null means the one kept in the data directory
 * @param dataDir where the store, the chat log and the admin token live
 * @param historyOnJoin how many recent room events a joining client is sent
 * @param presenceBatchFrom from this many users on, joins and leaves are announced in batches
 *     ({@code presence} events) rather than one event each
 * @param statsInterval how often a status line goes to the server log; zero turns it off
 * @param heartbeatTimeout a link that sends nothing for this long is considered dead
 * @param flood the per-user flood limits
 * @param connections the per-address connection limits
 * @param overlay how the proxy tree may grow and how long a lost session is kept
 * @param relaySecret the secret a relay must present for its users' {@code *names}; null accepts no relay
 * @param tls whether the chat port and the web view speak TLS, and with which certificate
 * @param privateEndToEnd true when whispers are end-to-end encrypted between the two users: the
 *     coordinator then can't read them, and its log and web view keep who, to whom and when only
 */
public record CoordinatorSettings(
    List<InetAddress> bindAddresses,
    int chatPort,
    int httpPort,
    int wsPort,
    InetAddress httpBind,
    AdminToken adminToken,
    Path dataDir,
    int historyOnJoin,
    int presenceBatchFrom,
    Duration statsInterval,
    Duration heartbeatTimeout,
    FloodLimits flood,
    ConnectionLimits connections,
    OverlayLimits overlay,
    String relaySecret,
    TlsSetting tls,
    boolean privateEndToEnd) {

  public static final int DEFAULT_CHAT_PORT = 9090;
  public static final int DEFAULT_HTTP_PORT = 9080;
  public static final int DEFAULT_WS_PORT = 9081;
  /**
   * Below this many users every join and leave is its own event, as people expect in a small room;
   * at it, one join announced to everyone already costs a hundred deliveries.
   */
  public static final int DEFAULT_PRESENCE_BATCH_FROM = 100;

  public CoordinatorSettings {
    bindAddresses = List.copyOf(bindAddresses);
    Objects.requireNonNull(httpBind, "httpBind");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(statsInterval, "statsInterval");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    Objects.requireNonNull(flood, "flood");
    Objects.requireNonNull(connections, "connections");
    Objects.requireNonNull(overlay, "overlay");
    Objects.requireNonNull(tls, "tls");
    if (relaySecret != null && relaySecret.length() < 8) {
      throw new IllegalArgumentException("the relay secret must have at least 8 characters");
    }
    requirePort(chatPort, "chat port");
    requirePort(httpPort, "HTTP port");
    requirePort(wsPort, "WebSocket port");
    if (httpPort != 0 && httpPort == wsPort) {
      throw new IllegalArgumentException("the HTTP and WebSocket ports must differ, both are " + httpPort);
    }
    if (historyOnJoin < 0) {
      throw new IllegalArgumentException("history size must not be negative, got " + historyOnJoin);
    }
    if (presenceBatchFrom < 1) {
      throw new IllegalArgumentException("presence batching must start at 1 user or more, got " + presenceBatchFrom);
    }
    if (statsInterval.isNegative()) {
      throw new IllegalArgumentException("stats interval must not be negative");
    }
    if (heartbeatTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("heartbeat timeout must be at least 1 second");
    }
  }

  /** Starts from the defaults, with the store in {@code dataDir}. */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** Collects settings; every value starts at its default. */
  public static final class Builder {
    private List<InetAddress> bindAddresses = List.of();
    private int chatPort = DEFAULT_CHAT_PORT;
    private int httpPort = DEFAULT_HTTP_PORT;
    private int wsPort = DEFAULT_WS_PORT;
    private InetAddress httpBind = InetAddress.getLoopbackAddress();
    private AdminToken adminToken;
    private Path dataDir;
    private int historyOnJoin = 50;
    private int presenceBatchFrom = DEFAULT_PRESENCE_BATCH_FROM;
    private Duration statsInterval = Duration.ofSeconds(60);
    private Duration heartbeatTimeout = Duration.ofSeconds(45);
    private FloodLimits flood = FloodLimits.DEFAULTS;
    private ConnectionLimits connections = ConnectionLimits.DEFAULTS;
    private OverlayLimits overlay = OverlayLimits.DEFAULTS;
    private String relaySecret;
    private TlsSetting tls = TlsSetting.OFF;
    private boolean privateEndToEnd;

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    public Builder bindAddresses(List<InetAddress> addresses) {
      this.bindAddresses = addresses;
      return this;
    }

    public Builder chatPort(int port) {
      this.chatPort = port;
      return this;
    }

    public Builder httpPort(int port) {
      this.httpPort = port;
      return this;
    }

    public Builder wsPort(int port) {
      this.wsPort = port;
      return this;
    }

    public Builder httpBind(InetAddress address) {
      this.httpBind = address;
      return this;
    }

    /**
     * The web view's admin token; null (the default) uses the one kept in the data directory.
     *
     * @throws IllegalArgumentException when the token is too short or has characters a cookie can't carry
     */
    public Builder adminToken(String token) {
      this.adminToken = token == null ? null : AdminToken.of(token);
      return this;
    }

    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    public Builder historyOnJoin(int events) {
      this.historyOnJoin = events;
      return this;
    }

    public Builder presenceBatchFrom(int users) {
      this.presenceBatchFrom = users;
      return this;
    }

    public Builder statsInterval(Duration interval) {
      this.statsInterval = interval;
      return this;
    }

    public Builder heartbeatTimeout(Duration timeout) {
      this.heartbeatTimeout = timeout;
      return this;
    }

    public Builder flood(FloodLimits limits) {
      this.flood = limits;
      return this;
    }

    public Builder connections(ConnectionLimits limits) {
      this.connections = limits;
      return this;
    }

    public Builder overlay(OverlayLimits limits) {
      this.overlay = limits;
      return this;
    }

    public Builder relaySecret(String secret) {
      this.relaySecret = secret;
      return this;
    }

    public Builder tls(TlsSetting setting) {
      this.tls = setting;
      return this;
    }

    public Builder privateEndToEnd(boolean endToEnd) {
      this.privateEndToEnd = endToEnd;
      return this;
    }

    /** @throws IllegalArgumentException naming the first value that is out of range */
    public CoordinatorSettings build() {
      return new CoordinatorSettings(bindAddresses, chatPort, httpPort, wsPort, httpBind, adminToken, dataDir,
          historyOnJoin, presenceBatchFrom, statsInterval, heartbeatTimeout, flood, connections, overlay, relaySecret, tls,
          privateEndToEnd);
    }
  }

  private static void requirePort(int port, String what) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(what + " must be 0 to 65535, got " + port);
    }
  }
}

package org.prochat.client;

import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.prochat.node.PeerNodeOptions;

/**
 * How a {@link ChatClient} runs its link.
 *
 * @param heartbeatInterval how often a ping goes out; the coordinator drops links that stay silent
 *     for its heartbeat timeout (45 s by default), so this must stay well below it. A link that hears
 *     nothing back for {@link #silenceLimit()} is considered lost.
 * @param connectTimeout how long connecting may take, from opening the socket to the welcome
 * @param eventLoopGroup the Netty event loops to run on, shared by many clients (load generator,
 *     relay); {@code null} makes every client start one thread of its own and stop it when the link
 *     closes
 * @param peer the peer node this client embeds, or {@code null} for none (it then relays for nobody
 *     and opens no port)
 * @param reconnectAfterShutdown true to keep trying to get back in when the coordinator shuts down
 *     (an admin restarting it), as after a lost link; false to end the session then, as a script
 *     wants
 * @param tlsPinFile where the certificate pinned for each server is kept ({@link TlsPinStore}); null
 *     remembers them for this process only
 * @param requireTls true to speak TLS from the first connect; false starts in plain text and moves to
 *     TLS at once when the coordinator requires it (and for good once a server was seen with TLS)
 * @param trust the pinned coordinator identities and this user's whisper key; {@code null} for a
 *     fresh set of each that lasts as long as the client
 */
public record ChatClientOptions(Duration heartbeatInterval, Duration connectTimeout, EventLoopGroup eventLoopGroup,
    PeerNodeOptions peer, boolean reconnectAfterShutdown, Path tlsPinFile, boolean requireTls, ClientTrust trust) {
  /**
   * Ping every 15 s, give up connecting after 10 s, a thread of its own, no peer node, end on shutdown,
   * pins for this process only, plain text unless the coordinator requires TLS.
   */
  public static final ChatClientOptions DEFAULTS =
      new ChatClientOptions(Duration.ofSeconds(15), Duration.ofSeconds(10), null, null, false, null, false, null);

  private static final int SILENT_INTERVALS_BEFORE_LOST = 3;

  public ChatClientOptions {
    requirePositive(Objects.requireNonNull(heartbeatInterval, "heartbeatInterval"), "heartbeat interval");
    requirePositive(Objects.requireNonNull(connectTimeout, "connectTimeout"), "connect timeout");
  }

  public ChatClientOptions withHeartbeatInterval(Duration interval) {
    return new ChatClientOptions(interval, connectTimeout, eventLoopGroup, peer, reconnectAfterShutdown, tlsPinFile,
        requireTls, trust);
  }

  public ChatClientOptions withConnectTimeout(Duration timeout) {
    return new ChatClientOptions(heartbeatInterval, timeout, eventLoopGroup, peer, reconnectAfterShutdown, tlsPinFile,
        requireTls, trust);
  }

  public ChatClientOptions withEventLoopGroup(EventLoopGroup group) {
    return new ChatClientOptions(heartbeatInterval, connectTimeout, group, peer, reconnectAfterShutdown, tlsPinFile,
        requireTls, trust);
  }

  /** With a peer node of these options (null: none). */
  public ChatClientOptions withPeer(PeerNodeOptions options) {
    return new ChatClientOptions(heartbeatInterval, connectTimeout, eventLoopGroup, options, reconnectAfterShutdown,
        tlsPinFile, requireTls, trust);
  }

  /** Whether to come back after the coordinator shuts down (see the record's parameters). */
  public ChatClientOptions withReconnectAfterShutdown(boolean reconnect) {
    return new ChatClientOptions(heartbeatInterval, connectTimeout, eventLoopGroup, peer, reconnect, tlsPinFile,
        requireTls, trust);
  }

  /** With the pins kept in {@code file} (null: for this process only). */
  public ChatClientOptions withTlsPinFile(Path file) {
    return new ChatClientOptions(heartbeatInterval, connectTimeout, eventLoopGroup, peer, reconnectAfterShutdown, file,
        requireTls, trust);
  }

  /** Whether to speak TLS from the first connect (see the record's parameters). */
  public ChatClientOptions withRequireTls(boolean require) {
    return new ChatClientOptions(heartbeatInterval, connectTimeout, eventLoopGroup, peer, reconnectAfterShutdown,
        tlsPinFile, require, trust);
  }

  /** With these pins and whisper key (null: fresh ones for the client's lifetime). */
  public ChatClientOptions withTrust(ClientTrust clientTrust) {
    return new ChatClientOptions(heartbeatInterval, connectTimeout, eventLoopGroup, peer, reconnectAfterShutdown,
        tlsPinFile, requireTls, clientTrust);
  }

  /** Nothing heard for this long (several missed pongs in a row) means the link is dead. */
  public Duration silenceLimit() {
    return heartbeatInterval.multipliedBy(SILENT_INTERVALS_BEFORE_LOST);
  }

  private static void requirePositive(Duration value, String what) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
  }
}

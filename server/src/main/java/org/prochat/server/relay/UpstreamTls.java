package org.prochat.server.relay;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.prochat.client.ServerAddress;
import org.prochat.client.TlsPinStore;
import org.prochat.protocol.ErrorCode;
import org.prochat.protocol.ErrorFrame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.Ping;
import org.prochat.tls.CertificatePin;
import org.prochat.wire.TlsContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the relay's links to the coordinator speak TLS, and which certificate they trust. Settled
 * once at start-up, because after the hello the relay passes bytes through and could no longer
 * react to a {@code tls_required}: TLS when a fingerprint is given, when one is pinned from an earlier
 * run, or when the coordinator answers a plain {@code ping} with {@code tls_required}. A certificate
 * learned that way is pinned on first use, in the relay's data directory.
 */
final class UpstreamTls {
  private static final Logger log = LoggerFactory.getLogger(UpstreamTls.class);
  private static final String PIN_FILE = "coordinator-pins";
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  private final ServerAddress coordinator;
  private final SslContext context;

  private UpstreamTls(ServerAddress coordinator, SslContext context) {
    this.coordinator = coordinator;
    this.context = context;
  }

  /**
   * Decides, asking the coordinator when nothing else says. Blocks: call it before the relay's loops run.
   *
   * @throws IOException when the pin file can't be read, or the coordinator must be asked and can't be reached
   */
  static UpstreamTls settle(RelaySettings settings) throws IOException {
    ServerAddress coordinator = new ServerAddress(settings.upstreamHost(), settings.upstreamPort());
    if (settings.coordinatorFingerprint() != null) {
      return new UpstreamTls(coordinator, TlsContexts.client(CertificatePin.exactly(settings.coordinatorFingerprint())));
    }
    TlsPinStore pins = TlsPinStore.open(settings.dataDir() == null ? null : settings.dataDir().resolve(PIN_FILE));
    if (pins.pinned(coordinator).isPresent() || requiresTls(coordinator)) {
      return new UpstreamTls(coordinator, TlsContexts.client(pins.trustOnFirstUse(coordinator)));
    }
    return new UpstreamTls(coordinator, null);
  }

  /** Puts TLS first on a new link to the coordinator, when it speaks TLS. */
  void addTo(Channel channel) {
    if (context != null) {
      channel.pipeline().addFirst("tls",
          TlsContexts.clientHandler(context, channel.alloc(), coordinator.host(), coordinator.port()));
    }
  }

  /** A plain ping, which a coordinator answers before any hello: a pong, or tls_required. */
  private static boolean requiresTls(ServerAddress coordinator) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(coordinator.host(), coordinator.port()), (int) PROBE_TIMEOUT.toMillis());
      socket.setSoTimeout((int) PROBE_TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(FrameCodec.instance().encode(new Ping(null, 0)));
      out.write('\n');
      out.flush();
      String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
      boolean required = answer != null && FrameCodec.instance().decode(answer) instanceof ErrorFrame error
          && error.code() == ErrorCode.TLS_REQUIRED;
      log.info("The coordinator at {} {}", coordinator, required ? "requires TLS" : "speaks plain text");
      return required;
    } catch (FrameDecodingException e) {
      throw new IOException("the coordinator at " + coordinator + " answered a ping with something else: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IOException("cannot ask the coordinator at " + coordinator + " whether it requires TLS: " + e.getMessage()
          + " (start it first, or give --coordinator-fingerprint)", e);
    }
  }
}

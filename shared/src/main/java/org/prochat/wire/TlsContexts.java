package org.prochat.wire;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.prochat.tls.CertificatePin;
import org.prochat.tls.PinningTrustManager;
import org.prochat.tls.TlsIdentity;

/**
 * The TLS settings every ProChat link uses: TLS 1.3 only (every end is a JDK 25), the JDK's own
 * provider, servers known by a pinned certificate instead of a certificate authority.
 *
 * <p>Handlers made here run the handshake's expensive steps (key exchange, signatures, the pin check,
 * which may write the pin file) on a small pool of their own: an event loop carrying a whole room
 * must not stall while a crowd reconnects.
 */
public final class TlsContexts {
  private static final String[] PROTOCOLS = {"TLSv1.3"};
  private static final ExecutorService HANDSHAKE_TASKS = handshakePool();

  private TlsContexts() {}

  /** What a server (coordinator, relay, peer port) presents. */
  public static SslContext server(TlsIdentity identity) {
    try {
      return SslContextBuilder.forServer(identity.key(), identity.certificate())
          .sslProvider(SslProvider.JDK)
          .protocols(PROTOCOLS)
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up TLS with " + identity, e);
    }
  }

  /** A client that trusts a server exactly when {@code pin} does; no host name check (the pin says more). */
  public static SslContext client(CertificatePin pin) {
    try {
      return SslContextBuilder.forClient()
          .sslProvider(SslProvider.JDK)
          .protocols(PROTOCOLS)
          .trustManager(new PinningTrustManager(pin))
          .endpointIdentificationAlgorithm(null)
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up a TLS client", e);
    }
  }

  /** The server end of one accepted link. */
  public static SslHandler serverHandler(SslContext context, ByteBufAllocator alloc) {
    return context.newHandler(alloc, HANDSHAKE_TASKS);
  }

  /** The client end of one link to {@code host:port}. */
  public static SslHandler clientHandler(SslContext context, ByteBufAllocator alloc, String host, int port) {
    return context.newHandler(alloc, host, port, HANDSHAKE_TASKS);
  }

  private static ExecutorService handshakePool() {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    // Daemon threads that go away when idle: a client that never uses TLS keeps none.
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), new DefaultThreadFactory("prochat-tls", true));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}

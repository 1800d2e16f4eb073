package org.prochat.app.gui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.prochat.client.ServerAddress;

/**
 * A TCP pass-through on loopback between a client and a coordinator that a test can cut: every
 * connection through it closes at once, as when a cable is pulled, while it keeps accepting new ones
 * so the client can come back.
 */
final class LinkCutter implements AutoCloseable {
  private final ServerAddress target;
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private LinkCutter(ServerAddress target) throws IOException {
    this.target = target;
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("link-cutter-accept").start(this::accept);
  }

  /** Starts passing connections on to {@code target}. */
  static LinkCutter to(ServerAddress target) throws IOException {
    return new LinkCutter(target);
  }

  /** Where clients connect instead of the coordinator. */
  ServerAddress address() {
    return new ServerAddress(listener.getInetAddress().getHostAddress(), listener.getLocalPort());
  }

  /** How many connections pass through now. */
  int connections() {
    return open.size() / 2;
  }

  /** Closes every connection passing through now. */
  void cut() {
    open.forEach(LinkCutter::closeQuietly);
  }

  @Override
  public void close() {
    closeQuietly(listener);
    cut();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(new InetSocketAddress(target.host(), target.port()));
        open.add(client);
        open.add(server);
        Thread.ofVirtual().start(() -> pump(client, server));
        Thread.ofVirtual().start(() -> pump(server, client));
      } catch (IOException e) {
        // Closed, or the coordinator is gone: nothing more to accept.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int read; (read = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // Cut or closed by either side: the other side goes too.
    } finally {
      open.remove(from);
      open.remove(to);
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Already closed.
    }
  }
}

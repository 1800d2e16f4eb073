package org.prochat.server.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections of a loopback run over 127.0.0.1, in join order: the accepted end of each is
 * written, as the coordinator writes its links (TCP_NODELAY set, as it sets it), the connecting end
 * is read, as a user reads. Both ends non-blocking. Closing closes every one.
 */
final class LoopbackSockets implements AutoCloseable {
  private final List<SocketChannel> written = new ArrayList<>();
  private final List<SocketChannel> read = new ArrayList<>();

  private LoopbackSockets() {}

  /** Opens {@code count} connections one after another, on an ephemeral port; none are left open if one fails. */
  static LoopbackSockets open(int count) throws IOException {
    LoopbackSockets sockets = new LoopbackSockets();
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      for (int i = 0; i < count; i++) {
        SocketChannel user = SocketChannel.open(server.getLocalAddress());
        sockets.read.add(user);
        SocketChannel link = server.accept();
        sockets.written.add(link);
        link.setOption(StandardSocketOptions.TCP_NODELAY, true);
        link.configureBlocking(false);
        user.configureBlocking(false);
      }
    } catch (IOException | RuntimeException e) {
      sockets.close();
      throw e;
    }
    return sockets;
  }

  /** The ends the writers write, in join order. */
  List<SocketChannel> written() {
    return written;
  }

  /** The ends the reader reads, in join order. */
  List<SocketChannel> read() {
    return read;
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (List<SocketChannel> ends : List.of(written, read)) {
      for (SocketChannel socket : ends) {
        try {
          socket.close();
        } catch (IOException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

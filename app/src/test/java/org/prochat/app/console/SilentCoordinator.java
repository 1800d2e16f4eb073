package org.prochat.app.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.prochat.client.ServerAddress;
import org.prochat.crypto.CoordinatorExchange;
import org.prochat.crypto.IdentityKey;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Identity;
import org.prochat.protocol.Welcome;

/** A stand-in coordinator that welcomes one client and then never answers: nothing is ever acked. */
final class SilentCoordinator implements AutoCloseable {
  private final ServerSocket listener;

  SilentCoordinator() throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().name("silent-coordinator").daemon().start(this::welcomeOneAndListen);
  }

  ServerAddress address() {
    return new ServerAddress(listener.getInetAddress().getHostAddress(), listener.getLocalPort());
  }

  private void welcomeOneAndListen() {
    try (Socket client = listener.accept();
        BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
      // Who it is (a proper identity with keys: the client takes no other), then the welcome.
      CoordinatorExchange keys = CoordinatorExchange.forRun(IdentityKey.generate());
      OutputStream out = client.getOutputStream();
      lines.readLine(); // the identify
      send(out, new Identity(keys.identity().publicKey(), keys.exchangeKey(), keys.signature(), false));
      lines.readLine(); // the hello
      send(out, new Welcome(1, "s1", "alice", 0, "t", false, keys.identity().publicKey(), keys.exchangeKey(),
          keys.signature(), false));
      out.flush();
      while (lines.readLine() != null) {
        // swallowed: never acked
      }
    } catch (IOException closed) {
      // the test is over
    }
  }

  private static void send(OutputStream out, Frame frame) throws IOException {
    out.write((FrameCodec.instance().encodeToString(frame) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}

package org.prochat.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.prochat.crypto.CoordinatorExchange;
import org.prochat.crypto.CryptoFailure;
import org.prochat.crypto.FrameSeal;
import org.prochat.crypto.IdentityKey;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.Hello;
import org.prochat.protocol.Identity;
import org.prochat.protocol.Sealed;
import org.prochat.protocol.Welcome;

/**
 * A stand-in coordinator for one client, driven step by step from the test's thread: it welcomes the
 * client with real keys, reads what the client seals, and answers or closes only when told. Every
 * wait is bounded by the socket's timeout.
 */
final class GoodbyeCoordinator implements AutoCloseable {
  static final String SID = "s1";
  private static final int PATIENCE_MILLIS = 10_000;

  private final ServerSocket listener;
  private final CoordinatorExchange keys = CoordinatorExchange.forRun(IdentityKey.generate());
  private Socket client;
  private BufferedReader lines;
  private FrameSeal seal;

  GoodbyeCoordinator() throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    listener.setSoTimeout(PATIENCE_MILLIS);
  }

  ServerAddress address() {
    return new ServerAddress(listener.getInetAddress().getHostAddress(), listener.getLocalPort());
  }

  /** Accepts the client's link and welcomes it as the coordinator does: identity, then a sealed session. */
  void welcome(String nick) throws IOException, FrameDecodingException, CryptoFailure {
    client = listener.accept();
    client.setSoTimeout(PATIENCE_MILLIS);
    lines = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    lines.readLine(); // the identify
    send(new Identity(keys.identity().publicKey(), keys.exchangeKey(), keys.signature(), false));
    Hello hello = (Hello) FrameCodec.instance().decode(lines.readLine());
    seal = keys.sealFor(SID, hello.kx());
    send(new Welcome(1, SID, nick, 0, "token", false, keys.identity().publicKey(), keys.exchangeKey(),
        keys.signature(), false));
  }

  /** The next frame the client sent, opened; null once the client has shut its side of the link. */
  Frame read() throws IOException, FrameDecodingException, CryptoFailure {
    String line = lines.readLine();
    return line == null ? null : seal.open((Sealed) FrameCodec.instance().decode(line));
  }

  /** Sends {@code frame} sealed for the session, as the coordinator sends anything for it alone. */
  void sendSealed(Frame frame) throws IOException {
    send(seal.seal(SID, frame));
  }

  private void send(Frame frame) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write((FrameCodec.instance().encodeToString(frame) + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Closes the link, as the coordinator does once it has answered a goodbye. */
  @Override
  public void close() throws IOException {
    if (client != null) {
      client.close();
    }
    listener.close();
  }
}

package org.prochat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.FrameDecodingException;
import org.prochat.protocol.Hello;
import org.prochat.protocol.ProtocolLimits;
import org.prochat.protocol.Welcome;

/**
 * A client as plain as {@code nc}: a blocking socket, lines out, frames in. Tests use it to speak
 * the protocol exactly, including what a well-behaved client never sends.
 */
public final class RawClient implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);
  private static final Frame END_OF_STREAM = new org.prochat.protocol.Bye("eof", "eof");

  private final Socket socket;
  private final OutputStream out;
  private final BlockingQueue<Frame> incoming = new LinkedBlockingQueue<>();
  private final List<Frame> seen = new ArrayList<>();
  private Welcome welcome;
  private final AtomicBoolean stalled = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    Thread reader = new Thread(this::readLines, "raw-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static RawClient connect(int port) throws IOException {
    return new RawClient(new Socket("127.0.0.1", port));
  }

  /** Connects and joins as {@code nick}; returns once welcomed. */
  static RawClient join(int port, String nick) throws IOException {
    RawClient client = connect(port);
    client.send(new Hello(ProtocolLimits.VERSION, nick));
    client.welcome = client.await(Welcome.class);
    return client;
  }

  Welcome welcome() {
    return welcome;
  }

  public String nick() {
    return welcome.nick();
  }

  public void send(Frame frame) throws IOException {
    sendLine(FrameCodec.instance().encodeToString(frame));
  }

  void sendLine(String line) throws IOException {
    sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  void sendBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The next frame of {@code type}, skipping (but remembering) others; fails after {@link #WAIT}. */
  public <T extends Frame> T await(Class<T> type) {
    return await(type, f -> true);
  }

  /** The next frame of {@code type} that matches; fails after {@link #WAIT}. */
  public <T extends Frame> T await(Class<T> type, Predicate<? super T> matching) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    for (long left = WAIT.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      Frame frame;
      try {
        frame = incoming.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + type.getSimpleName());
      }
      if (frame == null) {
        break;
      }
      if (frame == END_OF_STREAM) {
        throw new AssertionError("link closed while waiting for " + type.getSimpleName() + "; saw " + seen);
      }
      seen.add(frame);
      if (type.isInstance(frame) && matching.test(type.cast(frame))) {
        return type.cast(frame);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; saw " + seen);
  }

  /** Waits until the coordinator closes the link; fails after {@link #WAIT}. */
  void awaitClosed() {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      for (long left = WAIT.toNanos(); left > 0; left = deadline - System.nanoTime()) {
        Frame frame = incoming.poll(left, TimeUnit.NANOSECONDS);
        if (frame == END_OF_STREAM) {
          return;
        }
        if (frame != null) {
          seen.add(frame);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("link still open after " + WAIT + "; saw " + seen);
  }

  /** Every frame taken from the link so far by {@link #await}. */
  List<Frame> seen() {
    return List.copyOf(seen);
  }

  /** Every frame of {@code type} seen so far. */
  <T extends Frame> List<T> seen(Class<T> type) {
    return seen.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * Stops taking anything off the socket, like a program that hangs: the coordinator's writes pile
   * up in the kernel's buffers and then in its own.
   */
  void stopReading() {
    stalled.set(true);
  }

  /** Drops the TCP connection without a goodbye, like a crashed program. */
  void drop() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    socket.close();
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        try {
          incoming.add(FrameCodec.instance().decode(line));
        } catch (FrameDecodingException e) {
          incoming.add(new org.prochat.protocol.Notice("undecodable", line));
        }
        if (stalled.get()) {
          closed.await(); // hold still, socket open and unread, until the test closes it
        }
      }
    } catch (IOException e) {
      // the link is gone; END_OF_STREAM below says so
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    incoming.add(END_OF_STREAM);
  }

  static void assertNoFrameOf(RawClient client, Class<? extends Frame> type) {
    assertThat(client.seen(type)).isEmpty();
  }
}

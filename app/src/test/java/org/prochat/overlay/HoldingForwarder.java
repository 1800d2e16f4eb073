package org.prochat.overlay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prochat.client.ServerAddress;

/**
 * A TCP hop between clients and the coordinator that stands for a slow wire: it can keep back, line
 * by line, what the coordinator seals for chosen sessions, and let new links through only when told.
 * What it keeps back is still on the wire as far as the client can tell: the client gets it once it
 * is let go, or once the client shuts its own side (and only then does the coordinator hear that
 * end), unless the client has closed its socket by then. Threads of its own; any thread controls it.
 */
final class HoldingForwarder implements AutoCloseable {
  private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

  private final ServerSocket listener;
  private final ServerAddress coordinator;
  private final Set<String> holding = ConcurrentHashMap.newKeySet();
  private final List<Hop> hops = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  HoldingForwarder(ServerAddress coordinator) throws IOException {
    this.coordinator = coordinator;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("forwarder-accept").start(this::accept);
  }

  /** Where clients connect instead of the coordinator. */
  ServerAddress address() {
    return new ServerAddress("127.0.0.1", listener.getLocalPort());
  }

  /** Links opened from now on reach the coordinator only after {@link #openGate}. */
  void closeGate() {
    gate = new CountDownLatch(1);
  }

  void openGate() {
    gate.countDown();
  }

  /** From now on, keeps back what the coordinator seals for {@code sid}. */
  void hold(String sid) {
    holding.add(sid);
  }

  /** Sends on what was kept back for {@code sid}, in order, and keeps nothing more back for it. */
  void release(String sid) {
    holding.remove(sid);
    hops.forEach(hop -> hop.release(sid));
  }

  /** Lines kept back for {@code sid} right now. */
  int heldFor(String sid) {
    return hops.stream().mapToInt(hop -> hop.heldFor(sid)).sum();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    gate.countDown();
    hops.forEach(Hop::close);
  }

  private void accept() {
    try {
      while (true) {
        Socket client = listener.accept();
        Thread.ofPlatform().daemon().name("forwarder-hop").start(() -> connect(client));
      }
    } catch (IOException closed) {
      // the forwarder is closed
    }
  }

  private void connect(Socket client) {
    try {
      gate.await();
      Hop hop = new Hop(client, new Socket(coordinator.host(), coordinator.port()));
      hops.add(hop);
      hop.start();
    } catch (IOException | InterruptedException e) {
      closeQuietly(client);
    }
  }

  /** One client's link: bytes up as they come, lines down unless kept back. */
  private final class Hop {
    private final Socket client;
    private final Socket upstream;
    /** Lines kept back, with the session each is sealed for; guarded by this hop. */
    private final List<String[]> held = new ArrayList<>();

    Hop(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void start() {
      Thread.ofPlatform().daemon().name("forwarder-up").start(this::up);
      Thread.ofPlatform().daemon().name("forwarder-down").start(this::down);
    }

    private void up() {
      try {
        client.getInputStream().transferTo(upstream.getOutputStream());
        // The client shut its side: what is still on the wire reaches it first, then the coordinator hears the end.
        releaseAll();
        upstream.shutdownOutput();
      } catch (IOException e) {
        close();
      }
    }

    private void down() {
      try {
        InputStream in = upstream.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
          line.write(b);
          if (b == '\n') {
            pass(line.toString(StandardCharsets.UTF_8));
            line.reset();
          }
        }
      } catch (IOException e) {
        // the coordinator or the client is gone
      }
      close();
    }

    private synchronized void pass(String line) throws IOException {
      Matcher sid = SID.matcher(line);
      if (line.contains("\"type\":\"sealed\"") && sid.find() && holding.contains(sid.group(1))) {
        held.add(new String[] {sid.group(1), line});
      } else {
        write(line);
      }
    }

    synchronized void release(String sid) {
      List<String[]> going = held.stream().filter(h -> h[0].equals(sid)).toList();
      held.removeAll(going);
      going.forEach(h -> writeQuietly(h[1]));
    }

    synchronized void releaseAll() {
      held.forEach(h -> writeQuietly(h[1]));
      held.clear();
    }

    synchronized int heldFor(String sid) {
      return (int) held.stream().filter(h -> h[0].equals(sid)).count();
    }

    private void write(String line) throws IOException {
      OutputStream out = client.getOutputStream();
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    private void writeQuietly(String line) {
      try {
        write(line);
      } catch (IOException gone) {
        // the client closed its socket: what was on the wire is lost, as it would be
      }
    }

    void close() {
      closeQuietly(client);
      closeQuietly(upstream);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}

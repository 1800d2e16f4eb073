package org.prochat.server.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.prochat.server.Coordinator;

/** Talks to a coordinator's web view the way a script or a browser would: HTTP, raw sockets, WebSocket. */
final class WebViewClient {
  static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(WAIT)
      .build();
  private final int httpPort;
  private final int wsPort;

  WebViewClient(Coordinator coordinator) {
    this.httpPort = coordinator.httpPort();
    this.wsPort = coordinator.wsPort();
  }

  /** GET {@code path} with headers given as name, value, name, value... */
  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  HttpResponse<String> postForm(String path, String form) {
    return send(request(path, "Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /** Opens the live WebSocket with these headers; fails as the handshake does. */
  CompletableFuture<WebSocket> openLive(LiveListener listener, String... headers) {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder.buildAsync(URI.create("ws://127.0.0.1:" + wsPort + "/live"), listener);
  }

  /**
   * Writes {@code request} as it is to the HTTP port and returns everything the server answers
   * until it closes the connection (or {@link #WAIT} passes).
   */
  String raw(byte[] request) throws IOException {
    return raw(httpPort, request);
  }

  static String raw(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) WAIT.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // The server may answer and close before reading all of an oversized request.
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] chunk = new byte[8192];
      try {
        for (int n; (n = in.read(chunk)) >= 0; ) {
          answer.write(chunk, 0, n);
        }
      } catch (SocketTimeoutException | SocketException e) {
        // What arrived before the timeout or the reset is the answer.
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(WAIT);
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request to " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Collects what a live WebSocket receives: whole text messages, and how it closed. */
  static final class LiveListener implements WebSocket.Listener {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closedWith = new CompletableFuture<>();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      closedWith.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closedWith.completeExceptionally(error);
    }

    /** The next message that matches, skipping others; fails after {@link #WAIT}. */
    String await(Predicate<String> matching) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      try {
        for (long left = WAIT.toNanos(); left > 0; left = deadline - System.nanoTime()) {
          String message = messages.poll(left, TimeUnit.NANOSECONDS);
          if (message == null) {
            break;
          }
          if (matching.test(message)) {
            return message;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new AssertionError("no matching live message within " + WAIT);
    }

    /** How the server closed the socket; fails after {@link #WAIT}. */
    int awaitClose() {
      return closedWith.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }
  }
}

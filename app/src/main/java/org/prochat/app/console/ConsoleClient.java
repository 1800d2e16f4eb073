package org.prochat.app.console;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ChatLinkException;
import org.prochat.client.ChatRefusedException;
import org.prochat.client.ServerAddress;
import org.prochat.client.ServerCertificateChangedException;
import org.prochat.client.TlsPinStore;
import picocli.CommandLine.ExitCode;

/**
 * One console chat session from start to exit status: connect, send what the user types, show what
 * happens, leave cleanly.
 *
 * <p>Leaving (end of input, or {@code /quit}) first waits, up to the drain timeout, until the
 * coordinator has acked everything sent — so {@code echo "build done" | prochat-app --console} really
 * posts — then says goodbye. Exit status: 0 after a clean leave; 1 when the coordinator cannot be
 * reached or refuses, when it ends the session, or when acks did not come in time.
 */
public final class ConsoleClient {
  /** How long leaving waits for outstanding acks. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private static final String NAME = "prochat-app";

  private final ConsoleStreams streams;
  private final ChatClientOptions options;
  private final Duration drainTimeout;
  private final ConsoleEventFormatter format;
  private final boolean acceptNewCertificate;

  /**
   * @param drainTimeout how long leaving waits for outstanding acks
   * @param zone the time zone message times are shown in
   * @param acceptNewCertificate true to trust a server's changed certificate (the user checked it
   *     with its admin); false refuses it and says how to accept it
   */
  public ConsoleClient(ConsoleStreams streams, ChatClientOptions options, Duration drainTimeout, ZoneId zone,
      boolean acceptNewCertificate) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.options = Objects.requireNonNull(options, "options");
    this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout");
    this.format = new ConsoleEventFormatter(zone);
    this.acceptNewCertificate = acceptNewCertificate;
  }

  /**
   * Chats with the coordinator at {@code server} as {@code nick} until input ends, the user quits or
   * the coordinator ends the session. Blocks the calling thread throughout.
   *
   * @return the exit status
   */
  public int run(ServerAddress server, String nick) {
    try (ConsoleIo io = streams.terminal() ? TerminalConsoleIo.open() : new PipedConsoleIo(streams.in(), streams.out())) {
      return chat(io, server, nick);
    } catch (IOException e) {
      return fail("cannot use this terminal: " + e.getMessage());
    }
  }

  private int chat(ConsoleIo io, ServerAddress server, String nick) {
    ConsoleEventPrinter printer = new ConsoleEventPrinter(io::print, format);
    ChatClient client;
    try {
      client = connect(server, nick, printer, io);
    } catch (CompletionException e) {
      return fail(switch (e.getCause()) {
        case ChatRefusedException refused -> server + " refused to let you in: " + refused.getMessage();
        case ServerCertificateChangedException changed -> changed.getMessage()
            + ". If the server's admin confirms the new certificate, run again with --accept-new-certificate";
        default -> e.getCause().getMessage();
      });
    }
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    printer.lost().thenRun(() -> exit.complete(ExitCode.SOFTWARE));
    // Reading blocks, and may never return when the coordinator ends the session first: a daemon
    // thread of its own keeps that from holding up the exit.
    Thread.ofPlatform().daemon().name("prochat-console-input")
        .start(() -> exit.complete(readUntilDone(io, client)));
    return exit.join();
  }

  /** Connects; a changed certificate is accepted once, and the connect tried again, when the user said so. */
  private ChatClient connect(ServerAddress server, String nick, ConsoleEventPrinter printer, ConsoleIo io) {
    try {
      return ChatClient.connect(server, nick, printer, options).join();
    } catch (CompletionException e) {
      if (!(acceptNewCertificate && e.getCause() instanceof ServerCertificateChangedException changed)) {
        throw e;
      }
      try {
        TlsPinStore.open(options.tlsPinFile()).accept(changed);
      } catch (IOException cannotWrite) {
        throw new CompletionException(new ChatLinkException("cannot accept the new certificate: " + cannotWrite.getMessage()));
      }
      io.print("* accepted the new certificate of " + server + ": " + changed.presented());
      return ChatClient.connect(server, nick, printer, options).join();
    }
  }

  private int readUntilDone(ConsoleIo io, ChatClient client) {
    String prompt = client.nick() + "> ";
    String typed;
    while ((typed = io.readLine(prompt)) != null) {
      for (String line : TypedLineParser.lines(typed)) {
        Optional<String> quit = TypedLineParser.quitReason(line);
        if (quit.isPresent()) {
          return leave(client, quit.get());
        }
        client.say(line); // refusals reach the user through the printer's onError
      }
    }
    return leave(client, "quit");
  }

  private int leave(ChatClient client, String reason) {
    int status = ExitCode.OK;
    try {
      client.allAcked().get(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      status = fail("the server did not confirm everything sent within " + drainTimeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      return ExitCode.SOFTWARE; // the session ended; the printer has shown why
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = ExitCode.SOFTWARE;
    }
    client.quit(reason).join();
    return status;
  }

  private int fail(String reason) {
    streams.err().println(NAME + ": " + reason);
    return ExitCode.SOFTWARE;
  }
}

package org.prochat.app.console;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.prochat.app.trust.PinnedKeys;
import org.prochat.app.trust.ServerKeyChange;
import org.prochat.client.ChatClient;
import org.prochat.client.ChatClientOptions;
import org.prochat.client.ChatLinkException;
import org.prochat.client.ChatRefusedException;
import org.prochat.client.ClientTrust;
import org.prochat.client.ServerAddress;
import picocli.CommandLine.ExitCode;

/**
 * One console chat session from start to exit status: connect, send what the user types, show what
 * happens, leave cleanly.
 *
 * <p>Leaving (end of input, or {@code /quit}) first waits, up to the drain timeout, until the
 * coordinator has acked everything sent — so {@code echo "build done" | prochat-app --console} really
 * posts — then says goodbye. Exit status: 0 after a clean leave; 1 when the coordinator cannot be
 * reached or refuses, when it presents a changed key the user did not accept, when it ends the
 * session, or when acks did not come in time.
 */
public final class ConsoleClient {
  /** How long leaving waits for outstanding acks. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

  /** The options that accept a changed certificate or identity; the warning names the one to use. */
  public static final String ACCEPT_NEW_CERTIFICATE = "--accept-new-certificate";
  public static final String ACCEPT_NEW_IDENTITY = "--accept-new-identity";

  private static final String NAME = "prochat-app";

  private final ConsoleStreams streams;
  private final ChatClientOptions options;
  private final Duration drainTimeout;
  private final ConsoleEventFormatter format;
  private final PinnedKeys pinned;
  private final Set<ServerKeyChange.Kind> acceptChanged;

  /**
   * @param options how the client runs; without {@link ChatClientOptions#trust() trust}, pins and a
   *     whisper key for this run only (so that an identity accepted here counts for the retry)
   * @param drainTimeout how long leaving waits for outstanding acks
   * @param zone the time zone message times are shown in
   * @param acceptChanged which of a server's keys to trust when they changed (the user checked them
   *     with its admin); a change not in it is refused with a warning saying how to accept it
   */
  public ConsoleClient(ConsoleStreams streams, ChatClientOptions options, Duration drainTimeout, ZoneId zone,
      Set<ServerKeyChange.Kind> acceptChanged) {
    this.streams = Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(options, "options");
    this.options = options.trust() != null ? options : options.withTrust(ClientTrust.ephemeral());
    this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout");
    this.format = new ConsoleEventFormatter(zone);
    this.pinned = new PinnedKeys(this.options.tlsPinFile(), this.options.trust().pins());
    this.acceptChanged = Set.copyOf(acceptChanged);
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
        case Throwable other -> pinned.changeBehind(other).map(format::keyChanged).orElse(other.getMessage());
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

  /**
   * Connects. A changed key the user said to accept is accepted, and the connect tried again, once per
   * kind: after a reinstall both the certificate and the identity may have changed.
   */
  private ChatClient connect(ServerAddress server, String nick, ConsoleEventPrinter printer, ConsoleIo io) {
    Set<ServerKeyChange.Kind> left = EnumSet.noneOf(ServerKeyChange.Kind.class);
    left.addAll(acceptChanged);
    while (true) {
      try {
        return ChatClient.connect(server, nick, printer, options).join();
      } catch (CompletionException e) {
        ServerKeyChange change = pinned.changeBehind(e).filter(changed -> left.remove(changed.kind())).orElseThrow(() -> e);
        try {
          change.accept();
        } catch (IOException cannotWrite) {
          throw new CompletionException(new ChatLinkException(
              "cannot accept the new " + change.kind().noun() + ": " + cannotWrite.getMessage()));
        }
        io.print(format.keyAccepted(change));
      }
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

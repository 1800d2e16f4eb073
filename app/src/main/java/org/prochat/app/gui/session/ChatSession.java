package org.prochat.app.gui.session;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.prochat.protocol.Ack;

/**
 * What the windows may ask of the chat session. The same contract as {@link
 * org.prochat.client.ChatClient}'s methods of the same names: none blocks, and the futures complete
 * on the network's thread, so a view model hops back to its own before touching anything.
 */
public interface ChatSession {
  /** Posts {@code text} to the room (a {@code /command} runs on the coordinator). */
  CompletableFuture<Ack> say(String text);

  /** Whispers {@code text} to {@code to}; the ack's status is {@code queued} while they are offline. */
  CompletableFuture<Ack> whisper(String to, String text);

  /** Says goodbye with {@code reason}; completes when every link is closed. */
  CompletableFuture<Void> quit(String reason);

  /** The latest measured round trip to the coordinator, if any yet. */
  Optional<Duration> roundTrip();

  /** How many users this computer relays for now. */
  CompletableFuture<Integer> relayingFor();

  /** True when this computer offered to relay for others (runs a peer node). */
  boolean relays();
}

package org.prochat.server.room;

import org.prochat.crypto.CoordinatorExchange;
import org.prochat.crypto.IdentityKey;

/**
 * The coordinator's keys and how whispers are protected.
 *
 * @param exchange its identity and this run's exchange key
 * @param endToEnd true when whispers are end-to-end between the two users ({@code --private-e2e})
 */
public record CoordinatorKeys(CoordinatorExchange exchange, boolean endToEnd) {

  /** Keys for this run, from {@code identity}. */
  public static CoordinatorKeys forRun(IdentityKey identity, boolean endToEnd) {
    return new CoordinatorKeys(CoordinatorExchange.forRun(identity), endToEnd);
  }

  IdentityKey identity() {
    return exchange.identity();
  }
}

/**
 * The relay: a headless node that lets outside users into a coordinator's room. It presents each
 * user to the coordinator as {@code *nick} with the relay's shared secret, then passes bytes through
 * unmodified in both directions.
 */
package org.prochat.server.relay;

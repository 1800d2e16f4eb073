/**
 * The ProChat wire protocol: frame records, their limits and the one codec that turns them into
 * newline-delimited JSON and back. Knows nothing of sockets, Netty or JavaFX.
 */
package org.prochat.protocol;

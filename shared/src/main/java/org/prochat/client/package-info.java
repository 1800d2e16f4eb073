/**
 * The client session core: one chat session with a coordinator (join, send with acks, ordered room
 * events, heartbeats, leave), used by the console client, the desktop app, the relay and the load
 * generator. Netty for the socket; no JavaFX.
 */
package org.prochat.client;

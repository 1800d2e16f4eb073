/**
 * The proxy overlay as the coordinator sees it: who hangs below whom, which peers may take a
 * newcomer, and which of them it gets. Pure logic on the room loop: no sockets here.
 */
package org.prochat.server.overlay;

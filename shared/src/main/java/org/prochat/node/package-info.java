/**
 * The peer node every client embeds: it listens on a peer port, answers latency probes, takes
 * children that the coordinator sends its way, and relays between them and its own uplink —
 * broadcasts down to every child, unicast frames down one branch, children's frames up, each
 * checked against the sessions that branch carries.
 */
package org.prochat.node;

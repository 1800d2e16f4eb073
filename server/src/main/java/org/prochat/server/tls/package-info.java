/**
 * TLS for the coordinator's and the relay's ports: which certificate to present (given as PEM files,
 * or made on the first start and kept in the data directory) and, for the relay, which certificate
 * its coordinator must present.
 */
package org.prochat.server.tls;

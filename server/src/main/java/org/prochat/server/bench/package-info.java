/**
 * Benchmarks that drive a coordinator with simulated users (real clients, real sockets) and print a
 * table. Performance figures live here, never in timed tests.
 */
package org.prochat.server.bench;

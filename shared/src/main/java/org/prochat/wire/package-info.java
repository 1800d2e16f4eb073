/**
 * Netty pipeline pieces that put the protocol on a TCP link: line framing with the length limit,
 * frame decoding that reports bad input as {@link org.prochat.protocol.Violation} messages instead of
 * exceptions, and frame encoding.
 */
package org.prochat.wire;

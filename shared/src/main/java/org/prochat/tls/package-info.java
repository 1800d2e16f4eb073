/**
 * Certificates for TLS without a certificate authority: a small DER writer that makes self-signed
 * X.509 certificates, PEM files, SHA-256 fingerprints, and a trust manager that trusts exactly one
 * pinned certificate. Plain JDK; no Netty, no BouncyCastle.
 */
package org.prochat.tls;

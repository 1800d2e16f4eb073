/**
 * The cryptography that lets ProChat run through untrusted proxies, built on the JDK alone:
 * the coordinator's Ed25519 identity, the X25519 key agreement that gives each session a key no
 * proxy holds, ChaCha20-Poly1305 sealing with that key, the hash chain that lets one signature
 * cover many broadcasts, and end-to-end whisper boxes. Knows nothing of sockets, Netty or JavaFX.
 */
package org.prochat.crypto;

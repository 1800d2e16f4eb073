package org.prochat.protocol;

/**
 * Coordinator to a newcomer: attach below {@code parent} (by sending {@link Attach} to its peer
 * port), or, when {@code parent} is null, stay on the direct link.
 */
public record Assign(String sid, PeerAddress parent) implements Frame {}

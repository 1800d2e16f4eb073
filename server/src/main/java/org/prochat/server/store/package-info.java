/**
 * The coordinator's durable record: room history, offline whispers and known nicknames in SQLite,
 * and the human-readable chat log. All of it runs on one store thread, never on an event loop.
 */
package org.prochat.server.store;

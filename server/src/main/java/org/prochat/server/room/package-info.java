/**
 * The room: who is in it, the order of what is said, whispers, commands and flood control. Confined
 * to the coordinator's chat event loop, so it needs no locks.
 */
package org.prochat.server.room;

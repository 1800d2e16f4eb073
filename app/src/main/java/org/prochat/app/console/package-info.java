/**
 * The console client: chat from a terminal (JLine prompt, events printed above it) or from a pipe
 * (lines in, one event per line out), on top of {@link org.prochat.client.ChatClient}.
 */
package org.prochat.app.console;

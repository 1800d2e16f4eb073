/**
 * Between the network and the JavaFX thread: the chat session as the view models see it, and the
 * batcher that carries events from the client's event loop into the UI at most once per frame.
 */
package org.prochat.app.gui.session;

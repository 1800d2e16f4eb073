/** The JavaFX desktop app: starts the windows of one chat session and ends the process cleanly. */
package org.prochat.app.gui;

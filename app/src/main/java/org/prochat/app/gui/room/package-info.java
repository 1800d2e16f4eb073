/** The main window: the room's messages, the user list, the input line and the status bar. */
package org.prochat.app.gui.room;

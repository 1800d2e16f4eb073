/** The connect dialog: who to be, where to connect, whether to relay for others. */
package org.prochat.app.gui.connect;

/** Private conversations: one window per person, opened by the user or by an incoming whisper. */
package org.prochat.app.gui.whisper;

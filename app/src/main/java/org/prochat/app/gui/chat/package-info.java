/**
 * What the room and the whisper windows share: chat lines and how they look, the bounded message
 * log, the input line with its history and length limit.
 */
package org.prochat.app.gui.chat;

/** What the desktop app remembers between runs, and where each operating system keeps it. */
package org.prochat.app.gui.settings;

/** The ProChat app's entry point: its command line, which starts the console client (and later the desktop window). */
package org.prochat.app;

/** The ProChat coordinator: its settings, its lifecycle and its command line. */
package org.prochat.server;

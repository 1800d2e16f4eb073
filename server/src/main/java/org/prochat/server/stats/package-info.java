/** The coordinator's counters and the periodic status line that reports them. */
package org.prochat.server.stats;

/** The coordinator's chat port: the per-link pipeline, connection limits and the link handler. */
package org.prochat.server.net;

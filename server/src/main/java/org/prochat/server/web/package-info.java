/** The coordinator's admin web live view: HTTP pages and API, the WebSocket feed, the admin token. */
package org.prochat.server.web;

/** What the app's network tests share: a live coordinator and a listener that records what a session hears. */
package org.prochat.app.testkit;

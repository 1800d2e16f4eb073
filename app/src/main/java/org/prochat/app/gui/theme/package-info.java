/** Light and dark themes: which stylesheets every window gets, switched together. */
package org.prochat.app.gui.theme;

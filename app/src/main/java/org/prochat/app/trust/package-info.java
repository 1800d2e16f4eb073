/**
 * What both apps trust and hold across runs: the pinned coordinator identities and the user's whisper
 * key in their profile, and a pinned key that changed, as the user is warned about it and may accept it.
 */
package org.prochat.app.trust;

package org.prochat.app.gui.chat;

import org.prochat.protocol.NicknameRules;

/**
 * A stable colour per nickname: the same person has the same colour in every window, in every run and
 * on every computer. The colour is a style class ({@code nick-colour-0} ... {@code nick-colour-11});
 * each theme's stylesheet says what the classes look like, so both themes stay readable.
 */
public final class NickColours {
  /** How many colours the stylesheets define. */
  public static final int COUNT = 12;

  private NickColours() {}

  /** The style class for {@code nick}; names that are the same person ({@link NicknameRules#key}) match. */
  public static String styleClass(String nick) {
    return "nick-colour-" + index(nick);
  }

  static int index(String nick) {
    // FNV-1a over the name's identity: fixed forever (unlike a JVM's identity hashes), and it spreads
    // names that differ only in their last letter.
    int hash = 0x811c9dc5;
    for (char c : NicknameRules.key(nick).toCharArray()) {
      hash = (hash ^ c) * 0x01000193;
    }
    return Math.floorMod(hash, COUNT);
  }
}

package org.prochat.server.room;

import java.util.ArrayList;
import java.util.List;

/**
 * The room at one moment, for views: who is in it and where each hangs in the proxy tree.
 *
 * @param lastSeq the newest room event number
 * @param directLinks links the coordinator writes each broadcast to
 * @param maxDepth the deepest level of the tree
 */
public record RoomSnapshot(long lastSeq, int directLinks, int maxDepth, List<UserView> users) {

  /** Nicknames of everyone below {@code nick} in the tree (its whole subtree, itself left out). */
  public List<String> below(String nick) {
    List<String> below = new ArrayList<>();
    List<String> frontier = new ArrayList<>(List.of(nick));
    while (!frontier.isEmpty()) {
      String parent = frontier.removeFirst();
      for (UserView user : users) {
        if (parent.equals(user.parentNick())) {
          below.add(user.nick());
          frontier.add(user.nick());
        }
      }
    }
    return below;
  }

  /**
   * One user.
   *
   * @param parentNick the proxy it hangs below; null when direct or while its link is lost
   * @param depth 1 for direct, 2 below a direct proxy, ...; 0 while its link is lost
   * @param rttMicros its last reported round trip to the coordinator, or -1 before any
   * @param relaysFor how many users hang directly below it
   */
  public record UserView(String sid, String nick, String parentNick, int depth, long rttMicros, int relaysFor) {}
}

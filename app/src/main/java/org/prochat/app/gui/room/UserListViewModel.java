package org.prochat.app.gui.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.prochat.protocol.NicknameRules;

/**
 * Who is in the room, sorted by name, kept current from the coordinator's snapshot and the join,
 * leave and presence events after it. Always includes this user.
 *
 * <p><b>Threading:</b> confined to the JavaFX thread (or a test's thread).
 */
public final class UserListViewModel {
  private static final Comparator<String> ORDER = Comparator.comparing(NicknameRules::key)
      .thenComparing(Comparator.naturalOrder());

  private final ObservableList<String> nicks = FXCollections.observableArrayList();
  private final IntegerBinding count = Bindings.size(nicks);
  private final ReadOnlyStringWrapper ownNick = new ReadOnlyStringWrapper(this, "ownNick", "");

  /** The nicknames, sorted; read-only for views. */
  public ObservableList<String> nicks() {
    return FXCollections.unmodifiableObservableList(nicks);
  }

  /** How many are in the room. */
  public IntegerBinding countProperty() {
    return count;
  }

  /** This user's nickname. */
  public ReadOnlyStringProperty ownNickProperty() {
    return ownNick.getReadOnlyProperty();
  }

  /** True for this user's own entry. */
  public boolean isOwn(String nick) {
    return nick.equals(ownNick.get());
  }

  /** True for users who come through a relay ({@code *name}). */
  public static boolean isRelayed(String nick) {
    return nick.startsWith(NicknameRules.RELAYED_PREFIX);
  }

  /** This user is now {@code nick} (on joining, or after coming back as a new session). */
  void setOwnNick(String nick) {
    String previous = ownNick.get();
    ownNick.set(nick);
    if (!previous.isEmpty() && !previous.equals(nick)) {
      nicks.remove(previous);
    }
    joined(nick);
  }

  /** The room as the coordinator last listed it; the listing may leave out this user. */
  void snapshot(Collection<String> present) {
    List<String> sorted = new ArrayList<>(present);
    if (!ownNick.get().isEmpty() && !sorted.contains(ownNick.get())) {
      sorted.add(ownNick.get());
    }
    sorted.sort(ORDER);
    nicks.setAll(sorted);
  }

  void joined(String nick) {
    int at = Collections.binarySearch(nicks, nick, ORDER);
    if (at < 0) {
      nicks.add(-at - 1, nick);
    }
  }

  /**
   * A big room's batch of leaves and joins, as one change to the list: thousands of single changes
   * would each make the view redo its work on the JavaFX thread.
   */
  void changed(Collection<String> left, Collection<String> joined) {
    List<String> next = new ArrayList<>(nicks);
    for (String nick : left) {
      int at = Collections.binarySearch(next, nick, ORDER);
      if (at >= 0) {
        next.remove(at);
      }
    }
    for (String nick : joined) {
      int at = Collections.binarySearch(next, nick, ORDER);
      if (at < 0) {
        next.add(-at - 1, nick);
      }
    }
    nicks.setAll(next);
  }

  void left(String nick) {
    int at = Collections.binarySearch(nicks, nick, ORDER);
    if (at >= 0) {
      nicks.remove(at);
    }
  }
}

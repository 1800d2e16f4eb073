package org.prochat.app.gui.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserListViewModelTest {
  private final UserListViewModel users = new UserListViewModel();

  @Test
  void theSnapshotIsSortedAndIncludesThisUser() {
    users.setOwnNick("carol");
    users.snapshot(List.of("dave", "Bob", "alice"));

    assertThat(users.nicks()).containsExactly("alice", "Bob", "carol", "dave");
    assertThat(users.countProperty().get()).isEqualTo(4);
    assertThat(users.isOwn("carol")).isTrue();
  }

  @Test
  void joinsAndLeavesKeepTheListSortedAndWithoutDuplicates() {
    users.setOwnNick("carol");
    users.joined("bob");
    users.joined("bob");
    users.joined("*erin");
    users.left("carol2");

    assertThat(users.nicks()).containsExactly("*erin", "bob", "carol");
    users.left("bob");
    assertThat(users.nicks()).containsExactly("*erin", "carol");
    assertThat(UserListViewModel.isRelayed("*erin")).isTrue();
  }

  @Test
  void comingBackUnderAnotherNameReplacesTheOldEntry() {
    users.setOwnNick("carol");
    users.setOwnNick("carol7");

    assertThat(users.nicks()).containsExactly("carol7");
  }
}
